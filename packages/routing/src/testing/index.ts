export { makeCatalog, makeEndpoint, makeModel, makeProvider } from "./catalog.ts";
export { planInput, TEST_NOW } from "./plan-input.ts";
export { seededRandom } from "./seeded-random.ts";
