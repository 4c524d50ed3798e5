/** Decides whether an image is pulled before use: `true` always, `false` only when missing, `"never"` never. */
export interface ImagePullPolicy {
  shouldPull(): boolean | 'never';
}

/** The pull policies of testcontainers-node. */
export class PullPolicy {
  /** Pull only when the image is not present locally (the default). */
  static defaultPolicy(): ImagePullPolicy {
    return { shouldPull: () => false };
  }
  /** Pull every time, even when the image is present. */
  static alwaysPull(): ImagePullPolicy {
    return { shouldPull: () => true };
  }
  /** Never pull: a missing image fails at once with `ImagePullError`. */
  static neverPull(): ImagePullPolicy {
    return { shouldPull: () => 'never' };
  }
}
