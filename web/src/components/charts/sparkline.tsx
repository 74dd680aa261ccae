import { HEX } from './palette.ts';

export interface SparkPoint {
  /** A fraction in [0, 1], or null for a week without maker or manager time (a gap). */
  value: number | null;
  /** Marks the point (a signal week) with a warning triangle or a critical square. */
  level?: 'warning' | 'critical' | null;
}

/**
 * A small maker-share line over weeks with the target as a dashed rule and the area below the target
 * tinted: the small multiple of the team retro. A picture of a table shown beside it, so it is
 * hidden from assistive tech.
 */
export function Sparkline({
  points,
  target,
  width = 200,
  height = 56,
}: {
  points: readonly SparkPoint[];
  target: number;
  width?: number;
  height?: number;
}) {
  const pad = 4;
  const innerW = width - pad * 2;
  const innerH = height - pad * 2;
  const x = (index: number) =>
    pad + (points.length <= 1 ? innerW / 2 : (index / (points.length - 1)) * innerW);
  const y = (value: number) => pad + (1 - value) * innerH;

  // Gaps (weeks off) break the line rather than dropping it to zero.
  const segments: string[] = [];
  let current = '';
  points.forEach((point, index) => {
    if (point.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`;
  });
  if (current) segments.push(current);

  return (
    <svg
      className="block h-auto w-full"
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      <rect
        x={pad}
        y={y(target)}
        width={innerW}
        height={innerH + pad - y(target)}
        fill={HEX.warningSoft}
        opacity={0.7}
      />
      <line
        x1={pad}
        x2={width - pad}
        y1={y(target)}
        y2={y(target)}
        stroke={HEX.warning}
        strokeDasharray="3 3"
        strokeWidth={1}
        vectorEffect="non-scaling-stroke"
      />
      {segments.map((d) => (
        <path
          key={d}
          d={d}
          fill="none"
          stroke={HEX.maker}
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
        />
      ))}
      {points.map((point, index) =>
        point.value === null ? null : point.level === 'critical' ? (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: points are positional (one per week)
            key={index}
            x={x(index) - 3}
            y={y(point.value) - 3}
            width={6}
            height={6}
            fill={HEX.critical}
          />
        ) : point.level === 'warning' ? (
          <path
            // biome-ignore lint/suspicious/noArrayIndexKey: points are positional (one per week)
            key={index}
            d={`M${x(index)},${y(point.value) - 3.5}L${x(index) + 3.5},${y(point.value) + 2.5}L${x(index) - 3.5},${y(point.value) + 2.5}Z`}
            fill={HEX.warning}
          />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: points are positional (one per week)
          <circle key={index} cx={x(index)} cy={y(point.value)} r={2.2} fill={HEX.maker} />
        ),
      )}
    </svg>
  );
}
