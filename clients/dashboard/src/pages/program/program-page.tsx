import { Loading, Page, Tabs } from '@shopify/polaris';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useLocation, useParams } from 'wouter';
import { confirmLeavingUnsaved } from '../../forms/unsaved-changes.js';
import { useMessages } from '../../i18n/i18n.js';
import { programMessages } from './program.messages.js';

type SectionKey = 'earning' | 'rewards' | 'tiers' | 'referrals' | 'segments';

/** Each section of the program is its own chunk, loaded when its tab opens. */
const SECTIONS: { key: SectionKey; component: LazyExoticComponent<ComponentType> }[] = [
  { key: 'earning', component: lazy(() => import('./earning/earning-section.js')) },
  { key: 'rewards', component: lazy(() => import('./rewards/rewards-section.js')) },
  { key: 'tiers', component: lazy(() => import('./tiers/tiers-section.js')) },
  { key: 'referrals', component: lazy(() => import('./referrals/referrals-section.js')) },
  { key: 'segments', component: lazy(() => import('./segments/segments-section.js')) },
];

/** /program/<section>: how points are earned, the rewards, tiers, referrals and segments, one tab each. */
export default function ProgramPage() {
  const t = useMessages(programMessages);
  const { section } = useParams<{ section?: string }>();
  const [, navigate] = useLocation();
  const selected = Math.max(
    0,
    SECTIONS.findIndex((s) => s.key === section),
  );
  const Section = SECTIONS[selected].component;
  return (
    <Page title={t.title}>
      <Tabs
        tabs={SECTIONS.map((s) => ({ id: `program-${s.key}`, content: t[s.key], panelID: `program-${s.key}-panel` }))}
        selected={selected}
        onSelect={(index) => {
          if (index !== selected && confirmLeavingUnsaved()) navigate(`/program/${SECTIONS[index].key}`);
        }}
      >
        <div id={`program-${SECTIONS[selected].key}-panel`} role="tabpanel" aria-labelledby={`program-${SECTIONS[selected].key}`} style={{ paddingTop: 'var(--p-space-400)' }}>
          <Suspense fallback={<Loading />}>
            <Section />
          </Suspense>
        </div>
      </Tabs>
    </Page>
  );
}
