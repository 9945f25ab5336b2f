/**
 * A ready-to-run ONE-compatible scenario: hosts (names, speeds, buffers) from the settings' host
 * groups, and the merged external events with their message table. `loadOneScenario` does the
 * file reading; `buildOneScenario` is the same from texts already in memory.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../../cli/user-error.ts';
import { interpretSettings } from './config.ts';
import type { OneConfig, OneReportName } from './config.ts';
import { MessageTableBuilder, mergeEventLists, parseEventsText } from './events-file.ts';
import type { OneEventList, OneMessageTable } from './events-file.ts';
import { readSettingsFiles } from './settings-file.ts';

export interface OneScenario {
  readonly name: string;
  readonly updateInterval: number;
  readonly endTime: number;
  /** Host names (`groupID` + address), indexed by address. */
  readonly hostNames: readonly string[];
  /** Interface speed per host, bytes/s. */
  readonly speed: readonly number[];
  /** Buffer size per host, bytes (Infinity = unbounded). */
  readonly bufferSize: readonly number[];
  readonly events: OneEventList;
  readonly messages: OneMessageTable;
  readonly reports: readonly OneReportName[];
}

/** Builds the scenario from a checked configuration and the texts of its event files (in `EventsN` order). */
export function buildOneScenario(config: OneConfig, eventTexts: readonly { file: string; text: string }[]): OneScenario {
  const hostNames: string[] = [];
  const speed: number[] = [];
  const bufferSize: number[] = [];
  for (const g of config.groups) {
    for (let i = 0; i < g.nrofHosts; i++) {
      hostNames.push(`${g.groupId}${hostNames.length}`);
      speed.push(g.transmitSpeed);
      bufferSize.push(g.bufferSize);
    }
  }
  const messages = new MessageTableBuilder();
  const lists = eventTexts.map(({ file, text }) => parseEventsText(text, file, hostNames.length, messages));
  return {
    name: config.scenarioName,
    updateInterval: config.updateInterval,
    endTime: config.endTime,
    hostNames,
    speed,
    bufferSize,
    events: mergeEventLists(lists),
    messages,
    reports: config.reports,
  };
}

/** Reads the settings files (later ones override earlier ones) and the event files they name. */
export function loadOneScenario(settingsPaths: readonly string[]): OneScenario {
  const config = interpretSettings(readSettingsFiles(settingsPaths));
  const texts = config.eventFiles.map((file) => {
    try {
      return { file, text: readFileSync(file, 'utf8') };
    } catch (e) {
      throw new UserError(`${file}: cannot read events file (${(e as NodeJS.ErrnoException).code ?? String(e)}); EventsN.filePath is resolved against the settings file's folder`);
    }
  });
  return buildOneScenario(config, texts);
}
