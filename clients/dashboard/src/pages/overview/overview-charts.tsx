import { BlockStack, Button, Text } from '@shopify/polaris';
import { useState } from 'react';
import { format, useFormat, useMessages } from '../../i18n/i18n.js';
import { axisTop, lastValue, runsOf, segmentSeries, shareOf, type DayCount } from './overview-kpis.js';
import { overviewMessages } from './overview.messages.js';

/**
 * The overview's charts, hand-written SVG in a chunk of their own. Each is one image to assistive
 * technology, named by a text summary of what it shows; the segment chart also opens as a table.
 */

/** Distinguishable on white and for the common colour-vision deficiencies (Okabe–Ito, then Tableau's). */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#7F7F7F', '#B8860B', '#000000', '#8C564B', '#9467BD', '#17BECF'];

const TEXT = 'var(--p-color-text)';
const SUBDUED = 'var(--p-color-text-secondary)';
const GRID = 'var(--p-color-border-secondary)';
/** Customers without a tier are not a tier: grey, apart from the tiers' colours. */
const NO_TIER = '#8A8A8A';

export function TierChart({ distribution }: { distribution: { tiers: { tier: { id: string; name: string }; members: number }[]; withoutTier: number; total: number } }) {
  const t = useMessages(overviewMessages);
  const f = useFormat();
  if (distribution.total === 0) {
    return (
      <Text as="p" tone="subdued">
        {t.tiersEmpty}
      </Text>
    );
  }
  const rows = [
    ...distribution.tiers.map((row, i) => ({ key: row.tier.id, name: row.tier.name, members: row.members, color: PALETTE[i % PALETTE.length] })),
    { key: 'none', name: t.withoutTier, members: distribution.withoutTier, color: NO_TIER },
  ];
  const summary = format(t.tiersSummary, {
    total: f.number(distribution.total),
    parts: rows.map((row) => `${row.name} ${f.number(row.members)} (${f.percent(shareOf(row.members, distribution.total))})`).join(', '),
  });
  // Drawn at about the card's width, so that 13 units of text read as 13 pixels.
  const rowHeight = 32;
  const labelWidth = 84;
  const width = 300;
  const barSpace = width - labelWidth - 88;
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${rows.length * rowHeight}`} width="100%">
      {rows.map((row, i) => {
        const share = shareOf(row.members, distribution.total);
        const y = i * rowHeight;
        return (
          <g key={row.key}>
            <text x={0} y={y + rowHeight / 2} dominantBaseline="middle" fill={TEXT} fontSize={13}>
              {row.name.length > 11 ? `${row.name.slice(0, 10)}…` : row.name}
            </text>
            <rect x={labelWidth} y={y + 8} width={barSpace} height={rowHeight - 16} rx={3} fill={GRID} />
            <rect x={labelWidth} y={y + 8} width={Math.max(share * barSpace, row.members > 0 ? 2 : 0)} height={rowHeight - 16} rx={3} fill={row.color} />
            <text x={labelWidth + barSpace + 8} y={y + rowHeight / 2} dominantBaseline="middle" fill={TEXT} fontSize={13}>
              {`${f.number(row.members)} · ${f.percent(share)}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function SegmentChart({ counts, segments, fromDay, toDay }: { counts: DayCount[]; segments: { handle: string; name: string }[]; fromDay: string; toDay: string }) {
  const t = useMessages(overviewMessages);
  const f = useFormat();
  const [table, setTable] = useState(false);
  const { days, series, max } = segmentSeries(counts, segments, fromDay, toDay);
  if (series.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {t.segmentsEmpty}
      </Text>
    );
  }
  // Days are shop-local calendar days: formatting their UTC noon keeps them on the same date anywhere.
  const dayLabel = (day: string) => f.date(`${day}T12:00:00Z`);
  const summary = format(t.chartSummary, {
    from: dayLabel(fromDay),
    to: dayLabel(toDay),
    latest: series.map((s) => `${s.name} ${f.number(lastValue(s.values) ?? 0)}`).join(', '),
  });

  const width = 600;
  const height = 220;
  const left = 44;
  const right = 8;
  const top = 8;
  const bottom = 24;
  const axis = axisTop(max);
  const x = (i: number) => left + (days.length === 1 ? (width - left - right) / 2 : (i * (width - left - right)) / (days.length - 1));
  const y = (value: number) => top + (height - top - bottom) * (1 - value / axis);
  const ticks = [0, axis / 2, axis];

  return (
    <BlockStack gap="300">
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width="100%">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} stroke={GRID} />
            <text x={left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" fill={SUBDUED} fontSize={11}>
              {f.number(tick)}
            </text>
          </g>
        ))}
        <text x={left} y={height - 6} fill={SUBDUED} fontSize={11}>
          {dayLabel(days[0])}
        </text>
        <text x={width - right} y={height - 6} textAnchor="end" fill={SUBDUED} fontSize={11}>
          {dayLabel(days[days.length - 1])}
        </text>
        {series.map((s, index) => {
          const color = PALETTE[index % PALETTE.length];
          return (
            <g key={s.handle}>
              {runsOf(s.values).map((run) => (
                <polyline key={run[0]} fill="none" stroke={color} strokeWidth={2} points={run.map((i) => `${x(i)},${y(s.values[i]!)}`).join(' ')} />
              ))}
              {days.length <= 31 && s.values.map((value, i) => value !== null && <circle key={i} cx={x(i)} cy={y(value)} r={2.5} fill={color} />)}
            </g>
          );
        })}
      </svg>
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--p-space-200) var(--p-space-400)', listStyle: 'none', margin: 0, padding: 0 }}>
        {series.map((s, index) => (
          <li key={s.handle} style={{ display: 'flex', alignItems: 'center', gap: 'var(--p-space-100)' }}>
            <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 2, background: PALETTE[index % PALETTE.length], display: 'inline-block' }} />
            <Text as="span">{`${s.name}: ${f.number(lastValue(s.values) ?? 0)}`}</Text>
          </li>
        ))}
      </ul>
      <div>
        <Button variant="plain" onClick={() => setTable(!table)} ariaExpanded={table}>
          {table ? t.chartHideTable : t.chartTable}
        </Button>
      </div>
      {table && (
        <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t.segments}>
          <table style={{ borderCollapse: 'collapse', fontSize: 'var(--p-font-size-300)' }}>
            <thead>
              <tr>
                <th scope="col" style={{ ...CELL, textAlign: 'left' }}>
                  {t.day}
                </th>
                {series.map((s) => (
                  <th key={s.handle} scope="col" style={{ ...CELL, textAlign: 'right' }}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((day, i) => (
                <tr key={day}>
                  <th scope="row" style={{ ...CELL, textAlign: 'left' }}>
                    {dayLabel(day)}
                  </th>
                  {series.map((s) => (
                    <td key={s.handle} style={{ ...CELL, textAlign: 'right' }}>
                      {s.values[i] === null ? '—' : f.number(s.values[i]!)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BlockStack>
  );
}

const CELL = { padding: 'var(--p-space-100) var(--p-space-200)', borderBottom: `var(--p-border-width-025) solid ${GRID}`, whiteSpace: 'nowrap' } as const;
