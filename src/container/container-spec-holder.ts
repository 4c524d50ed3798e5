import type { ImageName } from '../image/image-name';
import type { WaitStrategy } from '../wait/wait-strategy';
import type { ContainerSpec } from './container-spec';
import type { InspectResult } from './inspect-result';
import type { StartedTestContainer } from './test-container';
import { parsePort, type PortWithOptionalBinding } from './ports';
import type { Environment, HealthCheck } from './types';

/**
 * Holds a container's recorded spec and exposes, read-only, the protected fields that
 * testcontainers modules read (`environment`, `startupTimeoutMs`, `networkAliases`, ...).
 */
export abstract class ContainerSpecHolder {
  /** @param spec The recorded configuration. Subclasses may read and adjust it before `start()`. */
  protected constructor(protected readonly spec: ContainerSpec) {}

  // Optional lifecycle hooks (as in testcontainers), declared so that subclasses can write
  // `protected override async containerStarted(...)`. The start pipeline calls those defined.
  /** Before the container is created (the builder may still be changed). */
  protected beforeContainerCreated?(): Promise<void>;
  /** After create, before files are copied and the container starts. */
  protected containerCreated?(containerId: string): Promise<void>;
  /** After start and port bindings, before the wait strategy runs. */
  protected containerStarting?(inspectResult: InspectResult, reused: boolean): Promise<void>;
  /** After the wait strategy said the container is ready. */
  protected containerStarted?(container: StartedTestContainer, inspectResult: InspectResult, reused: boolean): Promise<void>;

  protected get imageName(): ImageName {
    return this.spec.imageName;
  }
  protected get environment(): Environment {
    return this.spec.environment;
  }
  protected get startupTimeoutMs(): number | undefined {
    return this.spec.startupTimeoutMs;
  }
  protected get waitStrategy(): WaitStrategy | undefined {
    return this.spec.waitStrategy;
  }
  protected get networkMode(): string | undefined {
    return this.spec.networkMode;
  }
  protected get networkAliases(): string[] {
    return this.spec.networkAliases;
  }
  protected get healthCheck(): HealthCheck | undefined {
    return this.spec.healthCheck;
  }
  protected get exposedPorts(): PortWithOptionalBinding[] {
    return this.spec.exposedPorts;
  }
  /** Whether `port` (container side) is among the exposed ports. */
  protected hasExposedPort(port: PortWithOptionalBinding): boolean {
    const wanted = parsePort(port);
    return this.spec.exposedPorts.some((p) => {
      const parsed = parsePort(p);
      return parsed.containerPort === wanted.containerPort && parsed.protocol === wanted.protocol;
    });
  }
}
