export { configureSimProvider, resetSim } from "./admin/admin-client.ts";
export { createProviderSim, type ProviderSimOptions } from "./app.ts";
export { generateOutput } from "./engine/generate.ts";
export type { SimOutput, SimRequest } from "./engine/types.ts";
export { type StartOptions, startProviderSim } from "./server.ts";
export type { SettingsPatch } from "./settings/patch-schema.ts";
export { DEFAULT_SETTINGS, type SimSettings } from "./settings/settings.ts";
export { type ProviderStats, SimStats } from "./settings/stats.ts";
export { SimSettingsStore } from "./settings/store.ts";
