import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  IcsParseError,
  type IcsParseOptions,
  parseIcs,
} from '../../../server/src/modules/imports/ics-parse.ts';

/**
 * Every file of the public test corpus (two calendar libraries' test calendars: real exports,
 * edge cases, fuzzer finds; see its README) goes through parseIcs with a known outcome. The corpus
 * sits beside the repository: ../shared/data/ics from the repository root.
 */
const CORPUS = fileURLToPath(new URL('../../../../shared/data/ics/', import.meta.url));

// A wide window so that the corpus' old dates count, a small cap so that endless series stay cheap.
const OPTIONS: IcsParseOptions = {
  memberEmails: ['me@example.com'],
  memberTimeZone: 'Europe/Berlin',
  window: { from: new Date('1970-01-01T00:00:00Z'), to: new Date('2040-01-01T00:00:00Z') },
  maxOccurrencesPerSeries: 50,
};

type Outcome = { entries: number; skipped: number } | { refusedAt: number | null };
const ok = (entries: number, skipped = 0): Outcome => ({ entries, skipped });
const refused = (line: number | null): Outcome => ({ refusedAt: line });

/**
 * The expected outcome of each file: ok(entries, skipped events) or refused(line of the IcsParseError).
 * Why the notable ones end as they do:
 * - refused(1): not an iCalendar file (a bare VEVENT or VTIMEZONE, a custom top-level component,
 *   fuzzer garbage); refused(1) "never closed": big_bad_calendar, pr_480, small_bad_calendar lack
 *   END:VCALENDAR; timezone_same_start_and_offset ends with END:VCALENDARD; issue_104 and issue_351
 *   have a broken line at calendar level.
 * - skipped: 2 DTSTART (america_new_york_forward_reference, pacific_fiji), invalid DTSTART, DURATION,
 *   RRULE FREQ or RDATE (VALUE=TIME), no DTSTART (RFC examples of other components' properties), a
 *   broken line inside the event (broken_ical, issue_168_input, timezone_rdate), unknown TZID
 *   (issue_526 "Western/Central Europe", issue_722 CUSTOM_tzid), non-Gregorian RSCALE (rfc_7529),
 *   a duplicate UID (issue_798), and series over the cap of 50.
 */
const EXPECTED: Record<string, Outcome> = {
  'icalendar-py/calendars__alarm_etar_future.ics': ok(1),
  'icalendar-py/calendars__alarm_etar_notification.ics': ok(1),
  'icalendar-py/calendars__alarm_etar_notification_clicked.ics': ok(1),
  'icalendar-py/calendars__alarm_google_acknowledged.ics': ok(1),
  'icalendar-py/calendars__alarm_google_future.ics': ok(1),
  'icalendar-py/calendars__alarm_thunderbird_2_future.ics': ok(1),
  'icalendar-py/calendars__alarm_thunderbird_2_notification_5_min_postponed.ics': ok(1),
  'icalendar-py/calendars__alarm_thunderbird_2_notification_5_min_postponed_and_closed.ics': ok(1),
  'icalendar-py/calendars__alarm_thunderbird_2_notification_5_min_postponed_and_popped_up.ics': ok(1),
  'icalendar-py/calendars__alarm_thunderbird_2_notification_popped_up.ics': ok(1),
  'icalendar-py/calendars__alarm_thunderbird_closed.ics': ok(1),
  'icalendar-py/calendars__alarm_thunderbird_future.ics': ok(1),
  'icalendar-py/calendars__alarm_thunderbird_snoozed_until_1457.ics': ok(1),
  'icalendar-py/calendars__america_new_york.ics': ok(1),
  'icalendar-py/calendars__america_new_york_forward_reference.ics': ok(0, 1),
  'icalendar-py/calendars__big_bad_calendar.ics': refused(1),
  'icalendar-py/calendars__bom_calendar.ics': ok(0),
  'icalendar-py/calendars__broken_dtstart.ics': ok(0, 1),
  'icalendar-py/calendars__broken_ical.ics': ok(0, 1),
  'icalendar-py/calendars__calendar_with_unicode.ics': ok(0),
  'icalendar-py/calendars__created_calendar_with_unicode_fields.ics': ok(2, 1),
  'icalendar-py/calendars__empty.ics': ok(0),
  'icalendar-py/calendars__empty_RDATE.ics': ok(0),
  'icalendar-py/calendars__example.ics': ok(3),
  'icalendar-py/calendars__fuzz_testcase_0_char_in_component_name.ics': refused(1),
  'icalendar-py/calendars__fuzz_testcase_invalid_month.ics': refused(1),
  'icalendar-py/calendars__fuzz_testcase_vtimezone_lone_cr.ics': refused(1),
  'icalendar-py/calendars__invalid_duration.ics': ok(0, 1),
  'icalendar-py/calendars__issue_104_broken_calendar.ics': refused(13),
  'icalendar-py/calendars__issue_1050_all_components.ics': ok(1),
  'icalendar-py/calendars__issue_1050_calendar_with_events_and_todos.ics': ok(2),
  'icalendar-py/calendars__issue_1050_empty_calendar.ics': ok(0),
  'icalendar-py/calendars__issue_1050_forward_timezone_reference.ics': ok(1),
  'icalendar-py/calendars__issue_1050_multiple_calendars.ics': ok(0, 2),
  'icalendar-py/calendars__issue_1050_simple_calendar.ics': ok(1),
  'icalendar-py/calendars__issue_1050_timezone_only_calendar.ics': ok(0),
  'icalendar-py/calendars__issue_1050_uid_in_description.ics': ok(0, 2),
  'icalendar-py/calendars__issue_1081_empty_rdate.ics': ok(1),
  'icalendar-py/calendars__issue_1081_event_with_rrule.ics': ok(10),
  'icalendar-py/calendars__issue_1081_freebusy_comma_separated.ics': ok(0),
  'icalendar-py/calendars__issue_1081_invalid_rrule_freq.ics': ok(0, 1),
  'icalendar-py/calendars__issue_1081_invalid_start_and_end.ics': ok(0, 1),
  'icalendar-py/calendars__issue_1081_invalid_start_valid_end.ics': ok(0, 1),
  'icalendar-py/calendars__issue_1081_list_of_properties.ics': ok(1),
  'icalendar-py/calendars__issue_1081_tzid_param.ics': ok(1),
  'icalendar-py/calendars__issue_1081_with_summary.ics': ok(0, 1),
  'icalendar-py/calendars__issue_1231_recurrence.ics': ok(1),
  'icalendar-py/calendars__issue_1238.ics': ok(0),
  'icalendar-py/calendars__issue_127_categories_with_commas.ics': ok(1),
  'icalendar-py/calendars__issue_1426.ics': ok(3),
  'icalendar-py/calendars__issue_1426_value_parameters.ics': ok(1),
  'icalendar-py/calendars__issue_1549_binary_attachment.ics': ok(0, 1),
  'icalendar-py/calendars__issue_1561_image_value.ics': ok(0, 4),
  'icalendar-py/calendars__issue_156_RDATE_with_PERIOD_TZID_khal.ics': ok(1),
  'icalendar-py/calendars__issue_156_RDATE_with_PERIOD_TZID_khal_2.ics': ok(1),
  'icalendar-py/calendars__issue_1633_freebusy_with_dates.ics': ok(0),
  'icalendar-py/calendars__issue_1633_rdate_with_dates.ics': ok(1),
  'icalendar-py/calendars__issue_1633_rdate_with_dates_and_tzid.ics': ok(1),
  'icalendar-py/calendars__issue_165_missing_event.ics': ok(14),
  'icalendar-py/calendars__issue_168_expected_output.ics': ok(1),
  'icalendar-py/calendars__issue_168_input.ics': ok(0, 1),
  'icalendar-py/calendars__issue_178_component_with_invalid_name_represented.ics': refused(1),
  'icalendar-py/calendars__issue_178_custom_component_contains_other.ics': refused(1),
  'icalendar-py/calendars__issue_178_custom_component_inside_other.ics': ok(0),
  'icalendar-py/calendars__issue_218_bad_tzid.ics': ok(1),
  'icalendar-py/calendars__issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics': ok(1),
  'icalendar-py/calendars__issue_27_multiple_periods_in_freebusy_multiple_freebusies.ics': ok(0),
  'icalendar-py/calendars__issue_27_multiple_periods_in_freebusy_one_freebusy.ics': ok(0),
  'icalendar-py/calendars__issue_313_globally_unique_tzid.ics': ok(3),
  'icalendar-py/calendars__issue_321_assert_dst_offset_is_not_false.ics': ok(1),
  'icalendar-py/calendars__issue_322_expected_calendar.ics': ok(0, 1),
  'icalendar-py/calendars__issue_348_exception_parsing_value.ics': ok(1),
  'icalendar-py/calendars__issue_350.ics': ok(1),
  'icalendar-py/calendars__issue_351_whitespace_in_property_and_params.ics': refused(4),
  'icalendar-py/calendars__issue_466_convert_tzid_with_slash.ics': ok(50, 1),
  'icalendar-py/calendars__issue_466_respect_unique_timezone.ics': ok(50, 1),
  'icalendar-py/calendars__issue_526_calendar_with_different_events.ics': ok(0, 2),
  'icalendar-py/calendars__issue_526_calendar_with_event_subset.ics': ok(0, 1),
  'icalendar-py/calendars__issue_526_calendar_with_events.ics': ok(0, 2),
  'icalendar-py/calendars__issue_526_calendar_with_shuffeled_events.ics': ok(0, 2),
  'icalendar-py/calendars__issue_722_missing_VTIMEZONE_custom.ics': ok(0, 1),
  'icalendar-py/calendars__issue_722_missing_timezones.ics': ok(2, 2),
  'icalendar-py/calendars__issue_722_timezone_transition_ambiguity.ics': ok(4),
  'icalendar-py/calendars__issue_798_freebusy.ics': ok(0),
  'icalendar-py/calendars__issue_798_related_to.ics': ok(0, 2),
  'icalendar-py/calendars__issue_82_expected_output.ics': refused(1),
  'icalendar-py/calendars__issue_836_do_not_quote_tzid.ics': ok(1),
  'icalendar-py/calendars__multiple_calendar_components.ics': ok(3),
  'icalendar-py/calendars__multiple_timezones.ics': ok(0, 3),
  'icalendar-py/calendars__pacific_fiji.ics': ok(0, 1),
  'icalendar-py/calendars__parsing_error.ics': ok(40),
  'icalendar-py/calendars__parsing_error_in_UTC_offset.ics': ok(0),
  'icalendar-py/calendars__period_with_timezone.ics': ok(9),
  'icalendar-py/calendars__pr_480_summary_with_colon.ics': refused(1),
  'icalendar-py/calendars__property_params.ics': ok(1),
  'icalendar-py/calendars__rfc_5545_RDATE_example.ics': ok(0, 6),
  'icalendar-py/calendars__rfc_6868.ics': ok(0, 1),
  'icalendar-py/calendars__rfc_7256_multi_value_parameters.ics': ok(0, 2),
  'icalendar-py/calendars__rfc_7265_appendix_example_1_ical.ics': ok(1),
  'icalendar-py/calendars__rfc_7265_appendix_example_2_ical.ics': ok(6),
  'icalendar-py/calendars__rfc_7265_example_1.ics': ok(0),
  'icalendar-py/calendars__rfc_7529.ics': ok(7, 3),
  'icalendar-py/calendars__rfc_7953_3.ics': ok(0),
  'icalendar-py/calendars__rfc_7986_conferences.ics': ok(0, 1),
  'icalendar-py/calendars__rfc_7986_image.ics': ok(0, 2),
  'icalendar-py/calendars__rfc_7986_properties.ics': ok(0),
  'icalendar-py/calendars__rfc_9253_examples.ics': ok(2),
  'icalendar-py/calendars__rfc_9253_gap.ics': ok(0, 2),
  'icalendar-py/calendars__rfc_9253_related_to.ics': ok(0, 1),
  'icalendar-py/calendars__small_bad_calendar.ics': refused(1),
  'icalendar-py/calendars__time.ics': ok(0),
  'icalendar-py/calendars__timezone_rdate.ics': ok(0, 1),
  'icalendar-py/calendars__timezone_same_start.ics': ok(1),
  'icalendar-py/calendars__timezone_same_start_and_offset.ics': refused(23),
  'icalendar-py/calendars__timezoned.ics': ok(1),
  'icalendar-py/calendars__x_location.ics': ok(50, 1),
  'icalendar-py/events__event_with_escaped_character1.ics': refused(1),
  'icalendar-py/events__event_with_escaped_character2.ics': refused(1),
  'icalendar-py/events__event_with_escaped_character3.ics': refused(1),
  'icalendar-py/events__event_with_escaped_character4.ics': refused(1),
  'icalendar-py/events__event_with_escaped_characters.ics': refused(1),
  'icalendar-py/events__event_with_recurrence.ics': refused(1),
  'icalendar-py/events__event_with_recurrence_exdates_on_different_lines.ics': refused(1),
  'icalendar-py/events__event_with_rsvp.ics': refused(1),
  'icalendar-py/events__event_with_unicode_fields.ics': refused(1),
  'icalendar-py/events__event_with_unicode_organizer.ics': refused(1),
  'icalendar-py/events__issue_100_transformed_doctests_into_unittests.ics': refused(1),
  'icalendar-py/events__issue_101_icalendar_chokes_on_umlauts_in_organizer.ics': refused(1),
  'icalendar-py/events__issue_104_mark_events_broken.ics': refused(1),
  'icalendar-py/events__issue_112_missing_tzinfo_on_exdate.ics': refused(1),
  'icalendar-py/events__issue_156_RDATE_with_PERIOD.ics': refused(1),
  'icalendar-py/events__issue_156_RDATE_with_PERIOD_list.ics': refused(1),
  'icalendar-py/events__issue_157_removes_trailing_semicolon.ics': refused(1),
  'icalendar-py/events__issue_184_broken_representation_of_period.ics': refused(1),
  'icalendar-py/events__issue_355_url_escaping.ics': refused(1),
  'icalendar-py/events__issue_355_url_escaping_2.ics': refused(1),
  'icalendar-py/events__issue_355_url_escaping_empty_param.ics': refused(1),
  'icalendar-py/events__issue_464_invalid_rdate.ics': refused(1),
  'icalendar-py/events__issue_53_description_parsed_properly.ics': refused(1),
  'icalendar-py/events__issue_64_event_with_ascii_summary.ics': refused(1),
  'icalendar-py/events__issue_64_event_with_non_ascii_summary.ics': refused(1),
  'icalendar-py/events__issue_70_rrule_causes_attribute_error.ics': refused(1),
  'icalendar-py/events__issue_82_expected_output.ics': refused(1),
  'icalendar-py/events__rfc_7265_example_4.ics': refused(1),
  'icalendar-py/events__rfc_7265_request_status.ics': refused(1),
  'icalendar-py/events__rfc_9074_example_1.ics': refused(1),
  'icalendar-py/events__rfc_9074_example_2.ics': refused(1),
  'icalendar-py/events__rfc_9074_example_3.ics': refused(1),
  'icalendar-py/events__rfc_9074_example_4.ics': refused(1),
  'icalendar-py/events__rfc_9074_example_proximity.ics': refused(1),
  'icalendar-py/fuzzing__corpus__Index_Error.ics': refused(1),
  'icalendar-py/fuzzing__corpus__Type_Error.ics': refused(1),
  'icalendar-py/fuzzing__corpus__america_new_york.ics': ok(0, 1),
  'icalendar-py/fuzzing__corpus__calendar_with_unicode.ics': ok(0),
  'icalendar-py/fuzzing__corpus__event_with_escaped_character1.ics': refused(1),
  'icalendar-py/fuzzing__corpus__event_with_escaped_character2.ics': refused(1),
  'icalendar-py/fuzzing__corpus__event_with_escaped_character3.ics': refused(1),
  'icalendar-py/fuzzing__corpus__event_with_escaped_character4.ics': refused(1),
  'icalendar-py/fuzzing__corpus__event_with_escaped_characters.ics': refused(1),
  'icalendar-py/fuzzing__corpus__event_with_recurrence.ics': refused(1),
  'icalendar-py/fuzzing__corpus__event_with_recurrence_exdates_on_different_lines.ics': refused(1),
  'icalendar-py/fuzzing__corpus__event_with_rsvp.ics': refused(1),
  'icalendar-py/fuzzing__corpus__event_with_unicode_fields.ics': refused(1),
  'icalendar-py/fuzzing__corpus__event_with_unicode_organizer.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_100_transformed_doctests_into_unittests.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_101_icalendar_chokes_on_umlauts_in_organizer.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_104_mark_events_broken.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_112_missing_tzinfo_on_exdate.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_156_RDATE_with_PERIOD.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_156_RDATE_with_PERIOD_list.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_157_removes_trailing_semicolon.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_184_broken_representation_of_period.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_464_invalid_rdate.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_53_description_parsed_properly.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_64_event_with_ascii_summary.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_64_event_with_non_ascii_summary.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_70_rrule_causes_attribute_error.ics': refused(1),
  'icalendar-py/fuzzing__corpus__issue_82_expected_output.ics': refused(1),
  'icalendar-py/fuzzing__corpus__pacific_fiji.ics': ok(0, 1),
  'icalendar-py/fuzzing__corpus__time.ics': ok(0),
  'icalendar-py/fuzzing__corpus__timezone_rdate.ics': ok(0, 1),
  'icalendar-py/fuzzing__corpus__timezone_same_start.ics': ok(1),
  'icalendar-py/fuzzing__corpus__timezone_same_start_and_offset.ics': refused(23),
  'icalendar-py/fuzzing__corpus__timezoned.ics': ok(1),
  'icalendar-py/timezones__issue_237_brazilia_standard.ics': refused(1),
  'icalendar-py/timezones__issue_53_tzid_parsed_properly.ics': refused(1),
  'icalendar-py/timezones__issue_55_parse_error_on_utc_offset_with_seconds.ics': refused(1),
  'icalendar-py/timezones__pacific_fiji.ics': refused(1),
  'icaljs/samples__blank_description.ics': ok(1),
  'icaljs/samples__blank_line_end.ics': ok(0),
  'icaljs/samples__blank_line_mid.ics': ok(0),
  'icaljs/samples__daily_recur.ics': ok(50, 1),
  'icaljs/samples__day_long_recur_yearly.ics': ok(50, 1),
  'icaljs/samples__duration_instead_of_dtend.ics': ok(1),
  'icaljs/samples__forced_types.ics': ok(1),
  'icaljs/samples__google_birthday.ics': ok(6),
  'icaljs/samples__minimal.ics': ok(1),
  'icaljs/samples__multiple_rrules.ics': ok(36),
  'icaljs/samples__only_dtstart_date.ics': ok(1),
  'icaljs/samples__only_dtstart_time.ics': ok(1),
  'icaljs/samples__parserv2.ics': ok(50, 1),
  'icaljs/samples__rdate_exdate.ics': ok(3),
  'icaljs/samples__recur_instances.ics': ok(50, 1),
  'icaljs/samples__recur_instances_finite.ics': ok(5),
  'icaljs/samples__timezone_from_file.ics': ok(1),
  'icaljs/samples__timezones__America__Atikokan.ics': ok(0),
  'icaljs/samples__timezones__America__Denver.ics': ok(0),
  'icaljs/samples__timezones__America__Los_Angeles.ics': ok(0),
  'icaljs/samples__timezones__America__New_York.ics': ok(0),
  'icaljs/samples__timezones__Makebelieve__RDATE_test.ics': ok(0),
  'icaljs/samples__timezones__Makebelieve__RDATE_utc_test.ics': ok(0),
  'icaljs/samples__timezones__Makebelieve__RRULE_UNTIL_test.ics': ok(0),
  'icaljs/samples__utc_negative_zero.ics': ok(1),
  'icaljs/test__parser__base64.ics': ok(0),
  'icaljs/test__parser__boolean.ics': ok(0),
  'icaljs/test__parser__component.ics': ok(0, 2),
  'icaljs/test__parser__dates.ics': ok(0),
  'icaljs/test__parser__float.ics': ok(0),
  'icaljs/test__parser__grouped.ics': ok(0),
  'icaljs/test__parser__integer.ics': ok(0),
  'icaljs/test__parser__multiple_root_components.ics': ok(0),
  'icaljs/test__parser__multivalue.ics': ok(0),
  'icaljs/test__parser__newline_junk.ics': ok(0),
  'icaljs/test__parser__period.ics': ok(0),
  'icaljs/test__parser__property_params.ics': ok(0),
  'icaljs/test__parser__quoted_params.ics': ok(0),
  'icaljs/test__parser__recur.ics': ok(0),
  'icaljs/test__parser__rfc.ics': ok(1),
  'icaljs/test__parser__single_empty_vcalendar.ics': ok(0),
  'icaljs/test__parser__time.ics': ok(0),
  'icaljs/test__parser__tzid_with_gmt.ics': ok(0),
  'icaljs/test__parser__unfold_properties.ics': ok(0),
  'icaljs/test__parser__utc_offset.ics': ok(0),
  'icaljs/test__parser__values.ics': ok(0),
};

function corpusFiles(): string[] {
  return ['icalendar-py', 'icaljs'].flatMap((dir) =>
    readdirSync(`${CORPUS}${dir}`)
      .filter((name) => name.endsWith('.ics'))
      .map((name) => `${dir}/${name}`),
  );
}

function outcomeOf(text: string): Outcome {
  try {
    const result = parseIcs(text, OPTIONS);
    for (const skip of result.skipped) {
      expect(skip.uid).not.toBe('');
      expect(skip.reason.length).toBeGreaterThan(10);
    }
    for (const entry of result.entries) {
      expect(entry.end.getTime()).toBeGreaterThanOrEqual(entry.start.getTime());
    }
    return ok(result.entries.length, result.skipped.length);
  } catch (error) {
    if (error instanceof IcsParseError) {
      expect(error.message.length).toBeGreaterThan(10);
      return refused(error.line);
    }
    throw error;
  }
}

describe('parseIcs over the public ICS corpus', () => {
  it('has an expected outcome for exactly the files in the corpus', () => {
    expect(corpusFiles().sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    expect(outcomeOf(readFileSync(`${CORPUS}${file}`, 'utf8'))).toEqual(expected);
  });
});

/** A small seeded PRNG (mulberry32), so every run damages the files the same way. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseIcs never throws anything but IcsParseError', () => {
  const JUNK = [
    ':',
    ';',
    '"',
    ',',
    '\\',
    '\u0000',
    '=',
    'Z',
    'T',
    '9',
    ' ',
    '\t',
    'BEGIN:VEVENT',
    'END:VEVENT',
    'TZID=X',
  ];
  const mutations: ((lines: string[], next: () => number) => string[])[] = [
    (lines, next) => lines.filter((_, i) => i !== Math.floor(next() * lines.length)),
    (lines, next) => {
      const i = Math.floor(next() * lines.length);
      return [...lines.slice(0, i), lines[i] ?? '', ...lines.slice(i)];
    },
    (lines, next) => lines.slice(0, Math.floor(next() * lines.length)),
    (lines, next) =>
      lines.map((line, i) => {
        if (i !== Math.floor(next() * lines.length) || line.length === 0) return line;
        const at = Math.floor(next() * line.length);
        return line.slice(0, at) + JUNK[Math.floor(next() * JUNK.length)] + line.slice(at + 1);
      }),
    (lines, next) => {
      const a = Math.floor(next() * lines.length);
      const b = Math.floor(next() * lines.length);
      const copy = [...lines];
      [copy[a], copy[b]] = [copy[b] ?? '', copy[a] ?? ''];
      return copy;
    },
  ];

  it('on 1500 damaged copies of the corpus files', () => {
    const next = random(20261121);
    const files = corpusFiles().map((file) => readFileSync(`${CORPUS}${file}`, 'utf8').split(/\r?\n/));
    let refusals = 0;
    let parsed = 0;
    for (let round = 0; round < 1500; round++) {
      const lines = files[Math.floor(next() * files.length)] ?? [];
      const mutate = mutations[Math.floor(next() * mutations.length)] ?? ((l: string[]) => l);
      const text = mutate(mutate(lines, next), next).join('\r\n');
      try {
        const result = parseIcs(text, { ...OPTIONS, maxOccurrencesPerSeries: 20 });
        expect(Array.isArray(result.entries) && Array.isArray(result.skipped)).toBe(true);
        parsed++;
      } catch (error) {
        expect(error).toBeInstanceOf(IcsParseError);
        refusals++;
      }
    }
    // Both outcomes occur: the mutations do reach the parser's inner paths and its refusals.
    expect(parsed).toBeGreaterThan(300);
    expect(refusals).toBeGreaterThan(300);
  }, 120_000);
});
