const CATEGORIES = [
  {
    name: 'Maker',
    swatch: 'bg-maker',
    text: 'Uninterrupted building: code, design, writing, analysis.',
  },
  {
    name: 'Manager',
    swatch: 'bg-manager',
    text: 'Meetings, 1:1s, reviews, hiring and coordination.',
  },
  {
    name: 'Neutral',
    swatch: 'bg-neutral-time',
    text: 'Lunch, travel and personal time. Not part of your maker share.',
  },
] as const;

/** What the colours mean, in the product's own words. Pages with category colours show it nearby. */
export function CategoryLegend({ title = 'How your time is classified' }: { title?: string }) {
  return (
    <section aria-label={title} className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      <dl className="mt-4 grid gap-4 sm:grid-cols-3">
        {CATEGORIES.map((category) => (
          <div key={category.name} className="flex gap-3">
            <span className={`mt-1 h-3 w-3 shrink-0 rounded-sm ${category.swatch}`} aria-hidden="true" />
            <div>
              <dt className="text-sm font-medium text-slate-900">{category.name}</dt>
              <dd className="mt-0.5 text-sm leading-5 text-slate-600">{category.text}</dd>
            </div>
          </div>
        ))}
      </dl>
    </section>
  );
}
