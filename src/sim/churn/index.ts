/**
 * Public API of device churn and energy: per-device on/off state machines (night off, random off
 * periods, battery and charging) with energy accounting, and their parameter presets. Knows nothing
 * of the kernel, radios or contacts; storage-full is the library's concern.
 */
export type { BatteryParams, ChargingWindow, ChurnParams, ChurnPresetName, DailyWindow, PowerParams, RandomOff } from './churn-params.ts';
export { CHURN_PRESETS, DEFAULT_POWER } from './churn-params.ts';
export type { DeviceChurn, EnergyTotals } from './device-churn.ts';
export { createDeviceChurn } from './device-churn.ts';
export { DailyWindows } from './daily-windows.ts';
