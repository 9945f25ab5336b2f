/**
 * The ONE's DeliveredMessagesReport: a `#` header, then one line per first delivery:
 * `time id size hopcount latency from to remainingTtl isResponse path` with `%.4f` times,
 * `n/a` TTL (infinite) and `N` (no responses). Only observes.
 */
import { javaFixed } from '../java-format.ts';
import { pathHosts } from '../listener.ts';
import type { OneListener, PathNode, TransferKind } from '../listener.ts';
import type { OneMessageTable } from '../events-file.ts';

export const DELIVERED_HEADER = '# time  ID  size  hopcount  deliveryTime  fromHost  toHost  remainingTtl  isResponse  path';

export class DeliveredMessagesReport implements OneListener {
  private readonly lines: string[] = [DELIVERED_HEADER];
  private readonly creationTimes: Float64Array;

  constructor(private readonly names: readonly string[], private readonly messages: OneMessageTable) {
    this.creationTimes = new Float64Array(messages.ids.length);
  }

  connection(): void {}

  created(now: number, _host: number, msg: number): void {
    this.creationTimes[msg] = now;
  }

  started(): void {}

  transferred(now: number, _from: number, _to: number, msg: number, kind: TransferKind, path: PathNode): void {
    if (kind !== 'D') return;
    const m = this.messages;
    const route = pathHosts(path).map((h) => this.names[h]).join('->');
    this.lines.push(
      `${javaFixed(now, 4)} ${m.ids[msg]} ${m.size[msg]} ${path.hops} ${javaFixed(now - (this.creationTimes[msg] as number), 4)} ` +
        `${this.names[m.from[msg] as number]} ${this.names[m.to[msg] as number]} n/a N ${route}`,
    );
  }

  aborted(): void {}

  finished(): void {}

  render(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
