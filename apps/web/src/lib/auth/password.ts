export { hashPassword, verifyPassword } from "@switchyard/db";

export const PASSWORD_MIN_LENGTH = 8;
