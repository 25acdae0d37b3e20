import { cpus, freemem, hostname, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpus: number;
  readonly memoryGiB: number;
  readonly freeMemoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly hostname: string;
  /** 1-minute load average when the run started (other work on the machine skews timings). */
  readonly loadAverage1m: number;
}

export function machineInfo(): MachineInfo {
  const c = cpus();
  return {
    cpuModel: c[0]?.model ?? 'unknown',
    cpus: c.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    hostname: hostname(),
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  };
}
