// Preload that points any program's noble/bleno at a virtual air server (the require hook, for
// scripts outside this project):
//   GOSSIP_AIR=/tmp/air.sock GOSSIP_AIR_NODE=probe node --import ./src/hw/air/preload.mjs app.js
// Every HCI socket the program binds becomes a virtual controller of node GOSSIP_AIR_NODE
// (default: pid-<pid>) on that air. Start a server with `gossip hw air --socket /tmp/air.sock`.
import { register } from 'tsx/esm/api';

register();
const socket = process.env.GOSSIP_AIR;
if (!socket) throw new Error('preload.mjs: set GOSSIP_AIR to the unix socket of a virtual air server (gossip hw air --socket PATH)');
const { installAirHook, remoteConnector } = await import('./index.ts');
installAirHook(remoteConnector(socket, process.env.GOSSIP_AIR_NODE ?? `pid-${process.pid}`, [0, 1]));
