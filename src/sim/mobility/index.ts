/**
 * Public API of the simulator's mobility models: places, piecewise-linear legs, random waypoint,
 * daily routines, stationary nodes, village layouts and calendar helpers. Knows nothing of radios,
 * contacts or the kernel.
 */
export type { Leg, Mobility, TrajectoryCursor } from './leg.ts';
export { createCursor, positionAt, positionOnLeg } from './leg.ts';
export type { Place, PlaceKind, Point, WorldSize } from './places.ts';
export { PLACE_KINDS, distance, nearestPlace, placeAt, placesOfKind, pointInPlace } from './places.ts';
export type { RandomWaypointOptions } from './random-waypoint.ts';
export { createRandomWaypoint } from './random-waypoint.ts';
export type { DailyRoutine, DailyRoutineOptions, MarketDays, Role, RoutineAssignment, TimeWindow } from './daily-routine.ts';
export { DEFAULT_MARKET, ROLES, ROLE_HOURS, createDailyRoutine } from './daily-routine.ts';
export { createStationary } from './stationary.ts';
export type { VillageLayoutOptions } from './village-layout.ts';
export { DEFAULT_PLACE_RADII, generateVillage } from './village-layout.ts';
export { DAY, HOUR, MINUTE, SECOND, clock, dayOf, timeOfDay } from './time-of-day.ts';
