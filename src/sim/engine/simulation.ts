/**
 * A gossip simulation as a value: builds the village of a resolved scenario and drives the real
 * core (sessions, libraries, policies, routers) over modelled contacts, radio and churn on the
 * discrete-event kernel. Observers collect spread, answer quality, transfers, traffic and energy;
 * they never influence the run. Same scenario and seed → the same result, in any process and
 * interleaved with other simulations (no module-level state).
 */
import { buildVirtualPacket, HashTag, manifestId, taggedHash, verifyManifest } from '../../core/packet/index.ts';
import { Session, type SessionEvent } from '../../core/session/index.ts';
import { bytesToHex } from '../../core/codec/bytes.ts';
import { DEFAULT_DOMAINS } from '../../core/routing/index.ts';
import type { LibraryEvent } from '../../core/library/index.ts';
import type { Micros } from '../../core/types.ts';
import { chunkCount, MICROS_PER_SECOND } from '../../core/types.ts';
import { Kernel, Priority } from '../kernel/index.ts';
import { createLinkModel, type LinkModel } from '../link/index.ts';
import { createRng, exponential, type SeededRng } from '../rng.ts';
import { expandPlaces, type Place, type Scenario } from '../scenario/index.ts';
import { radioParamsOf } from '../build/radio.ts';
import { QualityObserver, type Strategy } from '../metrics/quality.ts';
import { SpreadObserver } from '../metrics/spread.ts';
import { TransferObserver, type TransferRecord } from '../metrics/transfers.ts';
import { NodeAnswerer, type QualityTable } from '../workload/answers.ts';
import { contactSource, mobilityContacts, type ContactSource } from './contacts.ts';
import { Encounter } from './encounter.ts';
import { buildNodes, memoisedVerifier, publisherKey, type SimNode } from './nodes.ts';
import { loadQuestionBank, QuestionSampler } from './questions.ts';

/** Base-model id of simulated adapters (they never load on a real model). */
const SIM_BASE_MODEL = bytesToHex(taggedHash(HashTag.baseModel, new TextEncoder().encode('simulated qwen2.5-0.5b')));
/** How much contact time the kernel pulls from the contact source at once. */
const CONTACT_WINDOW: Micros = 60 * MICROS_PER_SECOND;
/** Announce inventory to idle neighbours after this many newly stored chunks (besides completions). */
const ANNOUNCE_EVERY_CHUNKS = 16;

interface AdapterInfo { label: string; domain: string; keywords: readonly string[] }

export interface SimulationResult {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly places: readonly Place[];
  readonly nodes: readonly { name: string; x: number | null; y: number | null; adapters: number }[];
  readonly events: number;
  readonly spread: SpreadObserver;
  readonly quality: QualityObserver;
  readonly transfers: TransferObserver;
  readonly traffic: { time_s: number; bytes: number; joules: number }[];
  readonly energy: { totalJoules: number; perNodeMeanJoules: number };
  readonly adapters: readonly { label: string; domain: string; sizeBytes: number; publishedAt: Micros }[];
}

export class Simulation {
  readonly kernel = new Kernel();
  private readonly rng: SeededRng;
  private readonly nodes: SimNode[];
  private readonly places: Place[];
  private readonly link: LinkModel;
  private readonly contacts: ContactSource;
  private readonly spread: SpreadObserver;
  private readonly quality: QualityObserver;
  private readonly transfers = new TransferObserver();
  private readonly traffic: { time_s: number; bytes: number; joules: number }[] = [];
  private readonly adapterInfo = new Map<string, AdapterInfo>();
  private readonly adapterList: { label: string; domain: string; sizeBytes: number; publishedAt: Micros }[] = [];
  private readonly running = new Map<string, TransferRecord>();
  private readonly strategies: readonly Strategy[];
  private readonly gossip: boolean;
  private readonly qualityTable: QualityTable;
  private readonly sampler: QuestionSampler;
  private finished = false;

  constructor(readonly scenario: Scenario, seed?: string | number) {
    const s = scenario;
    this.rng = createRng(String(seed ?? s.seed));
    this.places = expandPlaces(s.world, this.rng.fork('places'));
    this.strategies = s.strategy as Strategy[];
    this.gossip = this.strategies[0] !== 'none';
    this.qualityTable = qualityTableOf(s);
    const bank = loadQuestionBank(s.questions.bank, s.file);
    this.sampler = new QuestionSampler(bank.questions, s.questions.domainMix, bank.file);
    const publishers = new Map(s.adapters.map((a) => [a.originNode, publisherKey(this.rng.seed, a.originNode)]));
    this.nodes = buildNodes({
      scenario: s, rng: this.rng, places: this.places, publishers,
      onLibraryEvent: (n, e) => this.onLibraryEvent(n, e),
      verifyManifest: memoisedVerifier(verifyManifest, manifestId),
    });
    const profile = s.profiles[s.radio.profile]!;
    this.link = createLinkModel(radioParamsOf(s.radio.profile, profile), this.rng.fork('link'));
    this.spread = new SpreadObserver(this.nodes.length);
    this.quality = new QualityObserver(this.strategies, 6 * 3600 * MICROS_PER_SECOND);
    this.contacts = contactSource(s.contacts, s.file, this.nodes.length, () =>
      mobilityContacts(this.nodes.map((n) => n.mobility), Float64Array.from(this.nodes, (n) => n.range), s.duration));
    this.schedulePublications(publishers);
    this.scheduleChurn();
    this.scheduleQuestions();
    this.scheduleContacts(0);
    this.scheduleSample(0);
  }

  /** Runs until `until` (exclusive) or the end of the scenario. */
  run(until: Micros = this.scenario.duration): void {
    this.kernel.run({ until: Math.min(until, this.scenario.duration) });
  }

  get progress(): number {
    return Math.min(1, this.kernel.now / this.scenario.duration);
  }

  /** Finishes the run (final sample) and returns what the observers saw. */
  result(): SimulationResult {
    if (!this.finished) {
      this.run();
      this.kernel.run({ until: this.scenario.duration + 1 });
      this.finished = true;
    }
    const end = this.scenario.duration;
    for (const r of this.running.values()) this.transfers.finish(r, end, 'incomplete');
    const pos = this.contacts.positions();
    const energy = this.energyTotal(end);
    return {
      scenario: this.scenario,
      seed: this.rng.seed,
      places: this.places,
      nodes: this.nodes.map((n) => ({ name: n.name, x: pos ? pos.xs[n.index]! : null, y: pos ? pos.ys[n.index]! : null, adapters: n.complete.size })),
      events: this.kernel.eventsProcessed,
      spread: this.spread,
      quality: this.quality,
      transfers: this.transfers,
      traffic: this.traffic,
      energy: { totalJoules: energy, perNodeMeanJoules: this.nodes.length ? energy / this.nodes.length : 0 },
      adapters: this.adapterList,
    };
  }

  // --- publication -------------------------------------------------------------------------

  private schedulePublications(publishers: ReadonlyMap<number, ReturnType<typeof publisherKey>>): void {
    for (const a of this.scenario.adapters) {
      const keywords = DEFAULT_DOMAINS.find((d) => d.id === a.domain)?.keywords ?? [];
      const versions = [{ at: a.publishAt, size: a.size }, ...a.updates.map((u) => ({ at: u.at, size: u.size ?? a.size }))];
      let size = a.size;
      versions.forEach((v, k) => {
        size = v.size ?? size;
        const label = k === 0 ? a.id : `${a.id}@v${k + 1}`;
        const packet = buildVirtualPacket(size, { name: a.id, version: k + 1, baseModel: SIM_BASE_MODEL, domain: a.domain, keywords, chunkSize: a.chunkSize }, publishers.get(a.originNode)!);
        this.adapterInfo.set(packet.id, { label, domain: a.domain, keywords });
        this.adapterList.push({ label, domain: a.domain, sizeBytes: size, publishedAt: v.at });
        this.spread.declare(label, v.at);
        this.kernel.schedule(v.at, Priority.NORMAL, () => {
          const node = this.nodes[a.originNode]!;
          node.own.add(packet.id);
          const r = node.library.publish(packet, v.at);
          if (!r.ok) throw new Error(`publishing ${label} on ${node.name} failed: ${r.error.message}`);
          this.inventoryChanged(node, v.at);
        }, 'publish');
      });
    }
  }

  private onLibraryEvent(n: number, e: LibraryEvent): void {
    const node = this.nodes[n]!;
    const info = this.adapterInfo.get(e.id);
    if (e.kind === 'admitted') {
      node.held.add(e.id);
    } else if (e.kind === 'completed') {
      node.held.add(e.id);
      if (node.complete.has(e.id)) return;
      node.complete.add(e.id);
      node.answerer = null;
      node.completeKey = null;
      if (info) this.spread.change(info.label, 1, e.at);
    } else if (e.kind === 'removed') {
      node.held.delete(e.id);
      if (!node.complete.delete(e.id)) return;
      node.answerer = null;
      node.completeKey = null;
      if (info) this.spread.change(info.label, -1, e.at);
    }
  }

  // --- churn -------------------------------------------------------------------------------

  private scheduleChurn(): void {
    for (const node of this.nodes) {
      node.churn.advance(0);
      node.on = node.churn.isOn(0);
      this.scheduleNextChange(node, 0);
    }
  }

  private scheduleNextChange(node: SimNode, now: Micros): void {
    const next = node.churn.nextChange(now);
    if (next === null || next >= this.scenario.duration) return;
    this.kernel.schedule(Math.max(next, now + 1), Priority.URGENT, () => {
      this.applyChurn(node, this.kernel.now);
      this.scheduleNextChange(node, this.kernel.now);
    }, 'churn');
  }

  /** Brings `node.on` in line with the churn model (also re-checked at every sample: batteries drain faster with transfers). */
  private applyChurn(node: SimNode, at: Micros): void {
    node.churn.advance(at);
    const on = node.churn.isOn(at);
    if (on === node.on) return;
    node.on = on;
    if (!on) {
      for (const { enc } of [...node.encounters.values()]) enc.linkLost(at);
    } else {
      for (const m of node.neighbours) this.tryConnect(node, this.nodes[m]!, at);
    }
  }

  // --- contacts and connections ---------------------------------------------------------------

  private scheduleContacts(from: Micros): void {
    const until = from + CONTACT_WINDOW;
    this.contacts.drainUntil(until - 1, (at, a, b, up) => {
      this.kernel.schedule(Math.max(at, this.kernel.now), Priority.URGENT, () => this.contact(a, b, up, at), 'contact');
    });
    if (until < this.scenario.duration) this.kernel.schedule(until, Priority.URGENT, () => this.scheduleContacts(until), 'contacts-window');
  }

  private contact(a: number, b: number, up: boolean, at: Micros): void {
    const na = this.nodes[a]!;
    const nb = this.nodes[b]!;
    if (up) {
      na.neighbours.add(b);
      nb.neighbours.add(a);
      this.tryConnect(na, nb, at);
    } else {
      na.neighbours.delete(b);
      nb.neighbours.delete(a);
      na.encounters.get(b)?.enc.linkLost(at);
    }
  }

  /** Something new to exchange? (What a scanner reads from the advertised inventory digest.) */
  private wantsEachOther(a: SimNode, b: SimNode, at: Micros): boolean {
    // Quick exit: same complete adapters and no partials on either side means nothing to exchange.
    if (a.held.size === a.complete.size && b.held.size === b.complete.size && completeKey(a) === completeKey(b)) return false;
    return a.library.plan({ nodeId: b.id, inventory: b.library.inventory() }, at).length > 0
      || b.library.plan({ nodeId: a.id, inventory: a.library.inventory() }, at).length > 0;
  }

  private tryConnect(a: SimNode, b: SimNode, at: Micros): void {
    if (!this.gossip || !a.on || !b.on || a.encounters.has(b.index) || a.connecting.has(b.index)) return;
    if (a.library.isFlagged(b.id) || b.library.isFlagged(a.id)) return;
    if (!this.wantsEachOther(a, b, at)) return;
    const discovery = this.link.discoveryDelay();
    if (discovery === null) return;
    const setup = this.link.setup();
    a.connecting.add(b.index);
    b.connecting.add(a.index);
    this.kernel.schedule(at + discovery + setup.delay, Priority.NORMAL, () => {
      const now = this.kernel.now;
      a.connecting.delete(b.index);
      b.connecting.delete(a.index);
      if (!a.neighbours.has(b.index) || !a.on || !b.on || a.encounters.has(b.index)) return;
      if (!setup.ok || !this.link.canConnect(a.encounters.size, b.encounters.size)) return;
      this.startEncounter(a, b, now);
    }, 'connect');
  }

  private startEncounter(a: SimNode, b: SimNode, at: Micros): void {
    const profile = this.scenario.profiles[a.group.device]!;
    const caps = { mtu: profile.link.mtu - 3, maxInFlight: 4 };
    const sessions = [new Session({ nodeId: a.id, library: a.library, capabilities: caps }), new Session({ nodeId: b.id, library: b.library, capabilities: caps })] as const;
    const goodput = this.link.goodput(a.index, b.index);
    const pair = [a, b] as const;
    const enc: Encounter = new Encounter({
      kernel: this.kernel,
      sessions,
      airtime: (bytes) => Math.max(1, this.link.transferTime(bytes, goodput)),
      hooks: {
        event: (side, e, t) => this.sessionEvent(pair[side], pair[1 - side]!, enc, e, t),
        ended: (_end, t) => this.encounterEnded(a, b, t),
      },
    });
    a.encounters.set(b.index, { enc, side: 0 });
    b.encounters.set(a.index, { enc, side: 1 });
    const drop = this.link.dropAfter();
    if (drop !== null) this.kernel.schedule(at + drop, Priority.NORMAL, () => enc.linkLost(this.kernel.now), 'link-drop');
    enc.start(at);
  }

  private transferKey(enc: Encounter, node: SimNode, id: string): string {
    return `${this.encounterIds.get(enc) ?? this.registerEncounter(enc)}/${node.index}/${id}`;
  }

  private readonly encounterIds = new WeakMap<Encounter, number>();
  private encounterSeq = 0;
  private registerEncounter(enc: Encounter): number {
    const n = ++this.encounterSeq;
    this.encounterIds.set(enc, n);
    return n;
  }

  private sessionEvent(node: SimNode, peer: SimNode, enc: Encounter, e: SessionEvent, at: Micros): void {
    switch (e.type) {
      case 'transfer-started': {
        const manifest = node.library.manifest(e.id);
        const resumed = manifest !== undefined && node.library.missing(e.id).length < chunkCount(manifest);
        const label = this.adapterInfo.get(e.id)?.label ?? e.id.slice(0, 12);
        this.running.set(this.transferKey(enc, node, e.id), this.transfers.start(at, peer.index, node.index, label, resumed));
        return;
      }
      case 'chunk-stored': {
        const r = this.running.get(this.transferKey(enc, node, e.id));
        if (r) this.transfers.chunk(r, e.bytes);
        node.churn.onTransfer(at, e.bytes);
        peer.churn.onTransfer(at, e.bytes);
        for (const [m, { enc: other, side }] of node.encounters) if (m !== peer.index) other.announce(side, e.id, e.index, at);
        if (++node.chunksSinceAnnounce >= ANNOUNCE_EVERY_CHUNKS) this.inventoryChanged(node, at);
        return;
      }
      case 'adapter-complete': {
        const key = this.transferKey(enc, node, e.id);
        const r = this.running.get(key);
        if (r) this.transfers.finish(r, at, 'completed');
        this.running.delete(key);
        this.inventoryChanged(node, at);
        return;
      }
      case 'closed': {
        const prefix = `${this.encounterIds.get(enc)}/${node.index}/`;
        const interrupted = e.error !== undefined;
        for (const [key, r] of this.running) {
          if (!key.startsWith(prefix)) continue;
          this.transfers.finish(r, at, interrupted ? 'interrupted' : 'incomplete');
          this.running.delete(key);
        }
        return;
      }
      default:
        return;
    }
  }

  private encounterEnded(a: SimNode, b: SimNode, at: Micros): void {
    a.encounters.delete(b.index);
    b.encounters.delete(a.index);
    // Still in range (a drop, or new content arrived meanwhile): scan, rediscover, reconnect.
    if (a.neighbours.has(b.index)) this.tryConnect(a, b, at);
  }

  /** A node's inventory changed: idle neighbours may now want something from it. */
  private inventoryChanged(node: SimNode, at: Micros): void {
    node.chunksSinceAnnounce = 0;
    for (const m of node.neighbours) this.tryConnect(node, this.nodes[m]!, at);
  }

  // --- questions -------------------------------------------------------------------------------

  private scheduleQuestions(): void {
    const day = 86_400 * MICROS_PER_SECOND;
    for (const node of this.nodes) {
      const rate = node.group.questionsPerDay;
      if (rate <= 0) continue;
      const next = (from: Micros) => {
        const at = from + Math.max(1, Math.round(exponential(node.rng.questions, day / rate)));
        if (at < this.scenario.duration) this.kernel.schedule(at, Priority.NORMAL, () => { this.ask(node, at); next(at); }, 'question');
      };
      next(0);
    }
  }

  private ask(node: SimNode, at: Micros): void {
    const q = node.rng.questions;
    const question = this.sampler.draw(q);
    if (!node.on) return;
    if (!node.answerer) {
      node.answerer = new NodeAnswerer(
        [...node.complete].map((id) => {
          const info = this.adapterInfo.get(id)!;
          return { id, domain: info.domain, keywords: info.keywords, own: node.own.has(id) };
        }),
        this.qualityTable,
      );
    }
    for (const s of this.strategies) {
      const ans = node.answerer.answer(s, question.question, question.domain);
      this.quality.record(s, at, ans.quality, ans.by);
      if (s !== this.strategies[0]) continue;
      if (ans.adapterId) node.library.touch(ans.adapterId, at);
      if (ans.demandDomain && this.gossip) node.library.noteDemand(ans.demandDomain, at);
    }
  }

  // --- sampling --------------------------------------------------------------------------------

  private scheduleSample(at: Micros): void {
    this.kernel.schedule(at, Priority.LATE, () => {
      for (const node of this.nodes) this.applyChurn(node, at);
      this.spread.sample(at);
      this.traffic.push({ time_s: at / MICROS_PER_SECOND, bytes: this.transfers.bytesTransferred, joules: this.energyTotal(at) });
      const next = at + this.scenario.sampleEvery;
      if (at < this.scenario.duration) this.scheduleSample(Math.min(next, this.scenario.duration));
    }, 'sample');
  }

  private energyTotal(at: Micros): number {
    let j = 0;
    for (const n of this.nodes) {
      n.churn.advance(at);
      const e = n.churn.energy();
      j += e.scanJ + e.advertiseJ + e.idleJ + e.transferJ;
    }
    return j;
  }
}

function completeKey(n: SimNode): string {
  if (n.completeKey === null) n.completeKey = [...n.complete].sort().join();
  return n.completeKey;
}

function qualityTableOf(s: Scenario): QualityTable {
  const d = s.quality.domains as Record<string, { specialist: number; otherSpecialist: number; base: number }>;
  const pick = (k: 'specialist' | 'otherSpecialist' | 'base') => Object.fromEntries(Object.entries(d).map(([dom, q]) => [dom, q[k]]));
  const m = s.quality.merged;
  const spec = Object.values(d);
  const k1 = spec.reduce((x, q) => x + q.specialist, 0) / Math.max(1, spec.length);
  return { specialist: pick('specialist'), otherSpecialist: pick('otherSpecialist'), base: pick('base'), merged: [k1, m.k2, m.k3, m.k4, m.k5] };
}
