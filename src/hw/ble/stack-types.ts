/**
 * The slices of the noble and bleno APIs this transport uses, as types (bleno ships none; noble's
 * own typings cover its instance). Types only: importing this file never loads either stack.
 */
import type { EventEmitter } from 'node:events';
import type * as NobleModule from '@abandonware/noble';

export type Noble = typeof NobleModule;
export type NoblePeripheral = NobleModule.Peripheral;
export type NobleCharacteristic = NobleModule.Characteristic;

export interface BlenoCharacteristicOptions {
  uuid: string;
  properties: string[];
  onWriteRequest?: (data: Buffer, offset: number, withoutResponse: boolean, callback: (result: number) => void) => void;
  onSubscribe?: (maxValueSize: number, updateValueCallback: (data: Buffer) => void) => void;
  onUnsubscribe?: () => void;
}

export interface Bleno extends EventEmitter {
  state: string;
  address: string;
  mtu: number;
  Characteristic: new (options: BlenoCharacteristicOptions) => EventEmitter;
  PrimaryService: new (options: { uuid: string; characteristics: EventEmitter[] }) => unknown;
  setServices(services: unknown[], callback?: (error?: Error | null) => void): void;
  startAdvertisingWithEIRData(advertisementData: Buffer, scanData: Buffer, callback?: (error?: Error | null) => void): void;
  stopAdvertising(callback?: () => void): void;
  disconnect(): void;
}
