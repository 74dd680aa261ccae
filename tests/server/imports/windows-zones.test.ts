import { describe, expect, it } from 'vitest';
import {
  etcZoneForOffset,
  fixedOffsetMinutes,
  ianaZone,
  ianaZoneFromPath,
  resolveZoneName,
  WINDOWS_DISPLAY_LABELS,
  WINDOWS_ZONE_IDS,
  windowsZoneToIana,
} from '../../../server/src/modules/imports/windows-zones.ts';

describe('windows zone tables', () => {
  it('map only to zones this runtime can compute', () => {
    const targets = new Set([
      ...WINDOWS_ZONE_IDS.values(),
      ...WINDOWS_DISPLAY_LABELS.map(([, zone]) => zone),
    ]);
    const unknown = [...targets].filter((zone) => ianaZone(zone) === null);
    expect(unknown).toEqual([]);
  });

  it('cover the ids Windows uses today (CLDR has 139 for territory 001)', () => {
    expect(WINDOWS_ZONE_IDS.size).toBeGreaterThanOrEqual(139);
  });
});

describe('resolveZoneName', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['"Europe/Berlin"', 'Europe/Berlin'],
    ['US/Eastern', 'US/Eastern'],
    ['UTC', 'UTC'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['w. europe standard time', 'Europe/Berlin'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['Tokyo Standard Time', 'Asia/Tokyo'],
    ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
    ['(GMT+01.00) Amsterdam / Berlin / Bern / Rome / Stockholm / Vienna', 'Europe/Berlin'],
    ['(UTC-03:00) Brasília', 'America/Sao_Paulo'],
    ['(UTC-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    ['/mozilla.org/20070129_1/America/New_York', 'America/New_York'],
    [
      '/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires',
      'America/Argentina/Buenos_Aires',
    ],
    ['posix/Europe/Vaduz', 'Europe/Vaduz'],
  ])('%s -> %s', (name, zone) => {
    expect(resolveZoneName(name)).toBe(zone);
  });

  it.each([
    'custom_America/New_York',
    'Western/Central Europe',
    'Customized Time Zone',
    'Mars/Olympus',
    '',
    'UTC+11',
  ])('leaves %j to the VTIMEZONE or offset steps', (name) => {
    expect(resolveZoneName(name)).toBeNull();
  });

  it('reads a path only from its last two or more segments', () => {
    expect(ianaZoneFromPath('/Europe/Stockholm')).toBe('Europe/Stockholm');
    expect(ianaZoneFromPath('vendor/UTC')).toBeNull();
    expect(windowsZoneToIana('Nowhere Standard Time')).toBeNull();
  });
});

describe('fixed offsets written as zone names', () => {
  it.each([
    ['UTC+11', 660],
    ['GMT-0330', -210],
    ['(GMT +01:00)', 60],
    ['UTC', 0],
    ['UTC+15', null],
    ['GMT +0100 (Standard) / GMT +0200 (Daylight)', null],
  ])('%s -> %s minutes', (name, minutes) => {
    expect(fixedOffsetMinutes(name)).toBe(minutes);
  });

  it.each([
    [660, 'Etc/GMT-11'],
    [-300, 'Etc/GMT+5'],
    [0, 'UTC'],
    [330, null],
  ])('%s minutes -> %s', (minutes, zone) => {
    expect(etcZoneForOffset(minutes)).toBe(zone);
  });
});
