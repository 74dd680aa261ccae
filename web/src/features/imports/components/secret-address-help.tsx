/** Where the secret ICS address lives in the two calendars most people use. */
export function SecretAddressHelp() {
  return (
    <details className="group rounded-lg border border-slate-200 bg-slate-50/60">
      <summary className="cursor-pointer list-none rounded-lg px-4 py-3 text-sm font-medium text-slate-800 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span
          aria-hidden="true"
          className="mr-2 inline-block text-slate-500 transition-transform group-open:rotate-90"
        >
          ›
        </span>
        Where do I find my calendar’s secret address?
      </summary>
      <div className="grid gap-5 border-t border-slate-200 px-4 py-4 text-sm leading-6 text-slate-700 md:grid-cols-2">
        <div>
          <h4 className="font-semibold text-slate-900">Google Calendar</h4>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5">
            <li>
              On the web, open Settings (the gear) and choose your calendar under “Settings for my calendars”.
            </li>
            <li>Open “Integrate calendar”.</li>
            <li>
              Copy “Secret address in iCal format” (it ends in <code className="text-[13px]">basic.ics</code>
              ).
            </li>
          </ol>
        </div>
        <div>
          <h4 className="font-semibold text-slate-900">Outlook and Microsoft 365</h4>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5">
            <li>In Outlook on the web, open Settings, then Calendar, then “Shared calendars”.</li>
            <li>Under “Publish a calendar”, pick the calendar and “Can view all details”, then Publish.</li>
            <li>
              Copy the ICS link (it ends in <code className="text-[13px]">calendar.ics</code>).
            </li>
          </ol>
        </div>
        <p className="text-[13px] text-slate-600 md:col-span-2">
          Treat the address like a password: anyone who has it can read the calendar. Tiltmeter stores it for
          you only and never shows it in full again. If it leaks, reset it in your calendar and subscribe with
          the new one.
        </p>
      </div>
    </details>
  );
}
