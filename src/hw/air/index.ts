/**
 * Public API of the virtual air: the air itself (range table, link model, connections), the
 * virtual LE controller behind each bound HCI socket, the require hook that swaps
 * `@abandonware/bluetooth-hci-socket` for the virtual socket, connectors (in-process, unix-socket
 * client), the air server, and the wall-clock scheduler the hardware drivers share.
 */
export { Air, type AirEvent, type AirLink, type AirOptions, type AirStats } from './air.ts';
export { Controller } from './controller.ts';
export { DEFAULT_LINK_MODEL, linkModel, airtime, type LinkModel } from './link-model.ts';
export { inProcessConnector, type AirConnector, type AirConnection } from './connector.ts';
export { remoteConnector } from './remote-connector.ts';
export { startAirServer, type AirServer } from './server.ts';
export { installAirHook, airHookInstalled, type AirHook } from './hook.ts';
export { createHciSocketClass, type AirRegistry, type VirtualHciSocketClass } from './hci-socket.ts';
export { wallNow, wallScheduler } from './wall-clock.ts';
export { ContactPlayer, type Contact } from './contact-player.ts';
