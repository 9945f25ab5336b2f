import { describe, expect, it } from 'vitest';
import { Air } from './air.ts';
import { AdvReport, Evt, H4, LeSub, Op, Status, formatAddress } from './h4.ts';
import { manualScheduler } from './test-scheduler.ts';

/** A raw H4 host: sends commands, records what its controller sends back. */
function host(air: Air, node: string) {
  const got: Buffer[] = [];
  const c = air.attach(node, (p) => got.push(p));
  const cmd = (op: number, params: number[] = []) => c.write(Buffer.from([H4.COMMAND, op & 0xff, op >> 8, params.length, ...params]));
  const events = (code: number) => got.filter((p) => p[0] === H4.EVENT && p[1] === code);
  const le = (sub: number) => got.filter((p) => p[0] === H4.EVENT && p[1] === Evt.LE_META && p[3] === sub);
  const acl = () => got.filter((p) => p[0] === H4.ACL);
  return { c, got, cmd, events, le, acl, address: [...c.address] };
}

function setup(model = {}) {
  const s = manualScheduler();
  const air = new Air({ scheduler: s, model });
  return { s, air };
}

describe('virtual LE controller', () => {
  it('answers what noble and bleno ask at start-up (HCI version >= 6, its address, LE buffers) and refuses bad commands', () => {
    const { s, air } = setup({ aclLength: 251, aclBuffers: 8 });
    const h = host(air, 'n');
    h.cmd(Op.READ_LOCAL_VERSION);
    h.cmd(Op.READ_BD_ADDR);
    h.cmd(Op.LE_READ_BUFFER_SIZE);
    h.cmd(0x0c7f); // something unknown
    h.cmd(Op.READ_RSSI); // parameters missing
    s.run(0);
    const cc = h.events(Evt.CMD_COMPLETE);
    expect(cc.map((p) => p.readUInt16LE(4))).toEqual([Op.READ_LOCAL_VERSION, Op.READ_BD_ADDR, Op.LE_READ_BUFFER_SIZE, 0x0c7f, Op.READ_RSSI]);
    expect(cc[0]![7]).toBeGreaterThanOrEqual(6);
    expect([...cc[1]!.subarray(7, 13)]).toEqual(h.address);
    expect(cc[2]!.readUInt16LE(7)).toBe(251);
    expect(cc[2]![9]).toBe(8);
    expect(cc[3]![6]).toBe(Status.UNKNOWN_COMMAND);
    expect(cc[4]![6]).toBe(Status.INVALID_PARAMETERS);
  });

  it('reports in-range advertisers (with a scan response to active scanners), never out-of-range ones or the own node', () => {
    const { s, air } = setup({ advertisingInterval: 100_000 });
    const scanner = host(air, 'a');
    const own = host(air, 'a');
    const near = host(air, 'b');
    const far = host(air, 'c');
    air.setInRange('a', 'c', false);
    for (const h of [own, near, far]) {
      h.cmd(Op.LE_SET_ADV_DATA, [3, 2, 1, 6]);
      h.cmd(Op.LE_SET_SCAN_RSP_DATA, [2, 1, 0xff]);
      h.cmd(Op.LE_SET_ADV_ENABLE, [1]);
    }
    scanner.cmd(Op.LE_SET_SCAN_PARAMETERS, [1, 0x12, 0, 0x12, 0, 0, 0]);
    scanner.cmd(Op.LE_SET_SCAN_ENABLE, [1, 0]);
    s.run(250_000);
    const reports = scanner.le(LeSub.ADV_REPORT);
    const from = (p: Buffer) => formatAddress(p.subarray(7, 13));
    expect(new Set(reports.map(from))).toEqual(new Set([formatAddress(near.c.address)]));
    expect(reports.filter((p) => p[5] === AdvReport.ADV_IND)).toHaveLength(2); // one per advertising interval
    expect(reports.filter((p) => p[5] === AdvReport.SCAN_RSP)).toHaveLength(2);
  });

  it('connects, forwards ACL data with start flag 00 delivered as 10, and returns credits to the sender', () => {
    const { s, air } = setup();
    const central = host(air, 'a');
    const peripheral = host(air, 'b');
    peripheral.cmd(Op.LE_SET_ADV_ENABLE, [1]);
    central.cmd(Op.LE_CREATE_CONN, [0x60, 0, 0x30, 0, 0, 0, ...peripheral.address, 0, 6, 0, 12, 0, 0, 0, 42, 0, 4, 0, 6, 0]);
    s.run(0);
    const [cc] = central.le(LeSub.CONN_COMPLETE);
    const [pc] = peripheral.le(LeSub.CONN_COMPLETE);
    expect(cc![4]).toBe(Status.SUCCESS);
    expect(cc![7]).toBe(0); // central role
    expect(pc![7]).toBe(1); // peripheral role
    const handle = cc!.readUInt16LE(5);
    const l2cap = [5, 0, 4, 0, 0x1b, 1, 0, 0xaa, 0xbb];
    central.c.write(Buffer.from([H4.ACL, handle & 0xff, (handle >> 8) | 0x00, 5, 0, ...l2cap.slice(0, 5)]));
    central.c.write(Buffer.from([H4.ACL, handle & 0xff, (handle >> 8) | 0x10, 4, 0, ...l2cap.slice(5)]));
    s.run(0);
    const got = peripheral.acl();
    expect(got.map((p) => p.readUInt16LE(1) >> 12)).toEqual([0b10, 0b01]);
    expect(Buffer.concat(got.map((p) => p.subarray(5)))).toEqual(Buffer.from(l2cap));
    const credits = central.events(Evt.NUM_COMPLETED_PACKETS).reduce((n, p) => n + p.readUInt16LE(6), 0);
    expect(credits).toBe(2);
    expect(peripheral.c.adv.enabled).toBe(false); // a connection stops advertising
  });

  it('paces each direction at the link rate', () => {
    const { s, air } = setup({ rate: 251_000 }); // one 251-byte packet per millisecond
    const central = host(air, 'a');
    const peripheral = host(air, 'b');
    peripheral.cmd(Op.LE_SET_ADV_ENABLE, [1]);
    central.cmd(Op.LE_CREATE_CONN, [0x60, 0, 0x30, 0, 0, 0, ...peripheral.address, 0, 6, 0, 12, 0, 0, 0, 42, 0, 4, 0, 6, 0]);
    s.run(0);
    const handle = central.le(LeSub.CONN_COMPLETE)[0]!.readUInt16LE(5);
    for (let i = 0; i < 10; i++) central.c.write(Buffer.concat([Buffer.from([H4.ACL, handle & 0xff, handle >> 8, 251, 0]), Buffer.alloc(251, i)]));
    s.run(4_400);
    expect(peripheral.acl()).toHaveLength(4);
    s.run(10_000);
    expect(peripheral.acl()).toHaveLength(10);
  });

  it('drops the connection on both sides with reason 0x08 when the nodes leave range, and reconnects only in range', () => {
    const { s, air } = setup({ connectionSetup: 50_000 });
    const central = host(air, 'a');
    const peripheral = host(air, 'b');
    peripheral.cmd(Op.LE_SET_ADV_ENABLE, [1]);
    const connect = () => central.cmd(Op.LE_CREATE_CONN, [0x60, 0, 0x30, 0, 0, 0, ...peripheral.address, 0, 6, 0, 12, 0, 0, 0, 42, 0, 4, 0, 6, 0]);
    connect();
    s.run(40_000);
    expect(central.le(LeSub.CONN_COMPLETE)).toHaveLength(0); // setup takes 50 ms
    s.run(60_000);
    expect(central.le(LeSub.CONN_COMPLETE)).toHaveLength(1);
    air.setInRange('a', 'b', false);
    s.run(70_000);
    for (const h of [central, peripheral]) expect(h.events(Evt.DISCONN_COMPLETE).map((p) => p[6])).toEqual([Status.CONNECTION_TIMEOUT]);
    peripheral.cmd(Op.LE_SET_ADV_ENABLE, [1]);
    connect();
    s.run(500_000);
    expect(central.le(LeSub.CONN_COMPLETE)).toHaveLength(1); // still pending: out of range
    air.setInRange('a', 'b', true);
    s.run(600_000);
    expect(central.le(LeSub.CONN_COMPLETE)).toHaveLength(2);
  });
});
