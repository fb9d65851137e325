import { readdirSync, readFileSync } from "node:fs";

// CPU and memory of local processes, from /proc (Linux): what the benchmarks report per process.

/** A /proc file of a process, or undefined when the process has exited since it was listed. */
function readProc(pid: number, file: "stat" | "status"): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return undefined;
  }
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
}

/** User + system CPU ticks of one process (0 when it has exited). */
function cpuTicks(stat: string | undefined): number {
  if (stat === undefined) return 0;
  const fields = statFields(stat);
  return Number(fields[11]) + Number(fields[12]);
}

function processIds(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** A process and all its descendants (the gateway's cluster workers). */
export function processTree(pid: number): number[] {
  // Pid 0 (what an unstarted child's `pid ?? 0` gives) would be the parent of init: every process.
  if (!Number.isInteger(pid) || pid <= 0) throw new RangeError(`${pid} is not a process id`);
  const children = new Map<number, number[]>();
  for (const entry of processIds()) {
    const stat = readProc(entry, "stat");
    if (stat === undefined) continue;
    const parent = Number(statFields(stat)[1]);
    children.set(parent, [...(children.get(parent) ?? []), entry]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] ?? 0) ?? []));
  return tree;
}

/** CPU seconds (user + system) of a process and its descendants. */
export function cpuSeconds(pid: number): number {
  return processTree(pid).reduce((ticks, member) => ticks + cpuTicks(readProc(member, "stat")), 0) / 100;
}

/** CPU seconds of every process running `command` (e.g. all of a local Postgres's backends). */
export function cpuSecondsOfCommand(command: string): number {
  let ticks = 0;
  for (const pid of processIds()) {
    const stat = readProc(pid, "stat");
    if (stat?.includes(` (${command}) `)) ticks += cpuTicks(stat);
  }
  return ticks / 100;
}

/** Resident and peak resident memory in MiB of a process and its descendants. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  let rss = 0;
  let peak = 0;
  for (const member of processTree(pid)) {
    const status = readProc(member, "status");
    if (status === undefined) continue;
    const read = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
    rss += read("VmRSS");
    peak += read("VmHWM");
  }
  return { rss, peak };
}
