import type { EngineCreateRequest, EngineHostConfig, EnginePortBinding } from '../engine/container-types';
import type { ContainerSpec } from './container-spec';
import { parsePort, portKey } from './ports';

/** Facts the mapping needs besides the spec. */
export interface CreateContext {
  /** The engine runs on this machine: publish ports on 127.0.0.1 only. */
  engineIsLocal: boolean;
  /** Labels berth adds (standard, session, created-by, reuse hash); they win over user labels. */
  extraLabels: Readonly<Record<string, string>>;
}

const MS_TO_NS = 1_000_000;
const GIB = 1024 ** 3;

function hostConfigOf(spec: ContainerSpec, context: CreateContext): EngineHostConfig {
  const hc: EngineHostConfig = {};
  const ports = spec.exposedPorts.map(parsePort);
  if (ports.length) {
    hc.PortBindings = {};
    for (const p of ports) {
      const binding: EnginePortBinding = {
        HostIp: context.engineIsLocal ? '127.0.0.1' : '',
        HostPort: p.hostPort !== undefined ? String(p.hostPort) : '',
      };
      (hc.PortBindings[portKey(p.containerPort, p.protocol)] ??= []).push(binding);
    }
  }
  const binds = [
    ...spec.bindMounts.map((m) => `${m.source}:${m.target}:${m.mode ?? 'rw'}`),
    ...spec.volumeMounts.map((m) => `${m.source}:${m.target}:${m.mode}`),
  ];
  if (binds.length) hc.Binds = binds;
  if (Object.keys(spec.tmpFs).length) hc.Tmpfs = { ...spec.tmpFs };
  if (spec.ulimits.length) hc.Ulimits = spec.ulimits.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard }));
  if (spec.securityOpt.length) hc.SecurityOpt = [...spec.securityOpt];
  if (spec.capAdd.length) hc.CapAdd = [...spec.capAdd];
  if (spec.capDrop.length) hc.CapDrop = [...spec.capDrop];
  if (spec.networkMode) hc.NetworkMode = spec.networkMode;
  if (spec.extraHosts.length) hc.ExtraHosts = spec.extraHosts.map((h) => `${h.host}:${h.ipAddress}`);
  if (spec.defaultLogDriver) hc.LogConfig = { Type: 'json-file', Config: {} };
  if (spec.privileged) hc.Privileged = true;
  if (spec.ipcMode) hc.IpcMode = spec.ipcMode;
  if (spec.resourcesQuota?.memory !== undefined) hc.Memory = Math.ceil(spec.resourcesQuota.memory * GIB);
  if (spec.resourcesQuota?.cpu !== undefined) hc.NanoCpus = Math.round(spec.resourcesQuota.cpu * 1e9);
  if (spec.sharedMemorySize !== undefined) hc.ShmSize = spec.sharedMemorySize;
  if (spec.restartPolicy) {
    hc.RestartPolicy = {
      Name: spec.restartPolicy.name,
      ...(spec.restartPolicy.maximumRetryCount !== undefined ? { MaximumRetryCount: spec.restartPolicy.maximumRetryCount } : {}),
    };
  }
  if (spec.links.length) hc.Links = [...spec.links];
  if (spec.volumesFrom.length) hc.VolumesFrom = [...spec.volumesFrom];
  return hc;
}

/**
 * Maps a recorded spec to the engine's create request. Pure: same spec and context, same request.
 * Network aliases are set on the container's one network at create (never a second network).
 */
export function toCreateRequest(spec: ContainerSpec, context: CreateContext): EngineCreateRequest {
  const ports = spec.exposedPorts.map(parsePort);
  const env = Object.entries(spec.environment).map(([k, v]) => `${k}=${v}`);
  const hc = spec.healthCheck;
  const request: EngineCreateRequest = {
    body: {
      Image: spec.imageName.string,
      ...(spec.command ? { Cmd: [...spec.command] } : {}),
      ...(spec.entrypoint ? { Entrypoint: [...spec.entrypoint] } : {}),
      ...(env.length ? { Env: env } : {}),
      Labels: { ...spec.labels, ...context.extraLabels },
      ...(ports.length ? { ExposedPorts: Object.fromEntries(ports.map((p) => [portKey(p.containerPort, p.protocol), {}])) } : {}),
      ...(spec.hostname ? { Hostname: spec.hostname } : {}),
      ...(spec.user ? { User: spec.user } : {}),
      ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
      ...(spec.tty ? { Tty: true } : {}),
      ...(spec.openStdin ? { OpenStdin: true } : {}),
      ...(hc
        ? {
            Healthcheck: {
              Test: [...hc.test],
              ...(hc.interval !== undefined ? { Interval: hc.interval * MS_TO_NS } : {}),
              ...(hc.timeout !== undefined ? { Timeout: hc.timeout * MS_TO_NS } : {}),
              ...(hc.retries !== undefined ? { Retries: hc.retries } : {}),
              ...(hc.startPeriod !== undefined ? { StartPeriod: hc.startPeriod * MS_TO_NS } : {}),
            },
          }
        : {}),
      HostConfig: hostConfigOf(spec, context),
      ...(spec.networkMode && spec.networkAliases.length
        ? { NetworkingConfig: { EndpointsConfig: { [spec.networkMode]: { Aliases: [...spec.networkAliases] } } } }
        : {}),
    },
  };
  if (spec.name) request.name = spec.name.replace(/^\//, '');
  if (spec.platform) request.platform = spec.platform;
  return request;
}
