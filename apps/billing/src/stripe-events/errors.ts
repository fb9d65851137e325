/** The event refers to a purchase not recorded yet (out-of-order delivery): retry later. */
export class PurchaseNotRecordedYet extends Error {}
