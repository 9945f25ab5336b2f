/**
 * Discovery latency from a measured distribution. A calibration profile may carry
 * `link.discoveryLatency` (measured time from coming into range to discovery, e.g. by
 * `gossip hw calibrate`); the simulator's link model (src/sim/link) derives discovery from the
 * advertising and scan timing instead and ignores that field. `withMeasuredDiscovery` wraps a link
 * model so its `discoveryDelay()` draws from the measured distribution (capped at the model's
 * `maxDiscoveryMs`), every other draw unchanged; without a measured distribution it returns the
 * model as is. Its draws come from their own stream, so they never shift the link model's others.
 * Pure (the Rng is injected); knows nothing of nodes or the kernel.
 */
import type { Rng } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import type { LinkModel } from '../link/index.ts';
import { sampleDistribution } from '../scenario/index.ts';
import type { LinkProfile } from '../scenario/index.ts';

export function withMeasuredDiscovery(model: LinkModel, link: Pick<LinkProfile, 'discoveryLatency'>, rng: Rng): LinkModel {
  const measured = link.discoveryLatency;
  if (measured === undefined) return model;
  const maxUs: Micros = model.params.maxDiscoveryMs * 1000;
  return {
    ...model,
    discoveryDelay: () => (model.params.advertising.enabled ? Math.min(maxUs, Math.max(0, Math.round(sampleDistribution(measured, rng)))) : null),
  };
}
