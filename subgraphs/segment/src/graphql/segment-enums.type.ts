import { LOCALE_CODE_ENUM } from '@loyalnest/kit';
import { registerEnumType } from 'type-graphql';

export enum SegmentKindType {
  RFM = 'rfm',
  CUSTOM = 'custom',
}
registerEnumType(SegmentKindType, {
  name: 'SegmentKind',
  description: 'Whether a segment partitions the scored customers by RFM scores, or is a custom one that may overlap others.',
  valuesConfig: {
    RFM: { description: 'Tried in position order: a scored customer belongs to the first RFM segment whose rules match, and to exactly one.' },
    CUSTOM: { description: 'Every customer whose scores, tier and points balance meet its rules; may overlap RFM and other custom segments.' },
  },
});

export enum LocaleCode {
  EN = 'en',
  ES = 'es',
  FR = 'fr',
}
registerEnumType(LocaleCode, LOCALE_CODE_ENUM);

export enum SegmentScoringType {
  QUINTILE = 'quintile',
  THRESHOLD = 'threshold',
}
registerEnumType(SegmentScoringType, {
  name: 'SegmentScoring',
  description: 'How customers get their 1–5 scores.',
  valuesConfig: {
    QUINTILE: { description: "By quintiles over the merchant's customers with an order in the window: each score holds about a fifth of them." },
    THRESHOLD: { description: 'By fixed boundaries the merchant sets (`SegmentSettings.thresholds`).' },
  },
});
