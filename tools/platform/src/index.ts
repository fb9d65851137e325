export { DEMO_EMAIL, DEMO_PASSWORD, type DemoAccount } from "./demo-account.ts";
export { type Infrastructure, isPortOpen, resolveInfrastructure } from "./infrastructure.ts";
export {
  type PlatformOptions,
  type PlatformPorts,
  ROOT,
  type RunningPlatform,
  startPlatform,
} from "./platform.ts";
export { cpuSeconds, cpuSecondsOfCommand, memoryMiB, processTree } from "./process-stats.ts";
