// Bounds on a GraphQL document that hold BEFORE validation runs.
//
// Why: graphql-js validation is not linear in the document. OverlappingFieldsCanBeMerged compares
// the fields of a selection set pairwise, so `{ me { kind kind kind … } }` costs the square of the
// repetitions: 30 KB of it kept one core busy for 7.5 s, and every tenant's requests (and
// /healthz) waited behind it. Depth, alias and cost limits answer only after validation, too late.
// So a document is parsed with a token cap (the parser stops counting there, so a large document
// costs no more than a capped one) and each selection set's width, fragments expanded, is capped
// by a linear walk; only then does validation run, on a document whose quadratic part is bounded
// (width² per selection set). The body limit in front of this is set in gateway.ts.
import { GraphQLError, Kind, parse, type DocumentNode } from 'graphql';
import type { RequestHandler } from 'express';
import { fragmentsOf, makeMeasure, type QueryLimits } from './limits.js';

export type DocumentBounds = Pick<QueryLimits, 'tokens' | 'selections'>;

/**
 * The widest selection set of `document`, counting the selections that fragment spreads and inline
 * fragments bring into a set as that set's own (the set validation compares pairwise). One linear
 * walk: `makeMeasure` measures each fragment once and stops at cycles, which validation reports.
 */
function widestSelectionSet(document: DocumentNode): number {
  const fragments = fragmentsOf(document);
  let widest = 0;
  // A set's width is what it contributes to its parent's set; each field's own set is recorded.
  const width = makeMeasure(
    (name) => fragments.get(name),
    (field, inner) => {
      if (field.selectionSet) {
        const own = inner(); // before reading `widest`, which it may raise
        widest = Math.max(widest, own);
      }
      return 1;
    },
    (a, b) => a + b,
  );
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION && def.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const top = width(def.selectionSet);
    widest = Math.max(widest, top);
  }
  return widest;
}

/**
 * Parses `query` within `bounds`, or throws a GraphQLError a client can act on: past the token
 * cap, GRAPHQL_PARSE_FAILED (graphql-js's own "Document contains more than N tokens"); a selection
 * set wider than the cap, GRAPHQL_VALIDATION_FAILED with `limit: "selections"`. Both carry HTTP 400.
 */
export function parseBounded(query: string, bounds: DocumentBounds): DocumentNode {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: bounds.tokens });
  } catch (error) {
    const syntax = error as GraphQLError;
    throw new GraphQLError(syntax.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } } });
  }
  const widest = widestSelectionSet(document);
  if (widest > bounds.selections) {
    throw new GraphQLError(`A selection set holds ${widest} selections (fragments expanded); the limit is ${bounds.selections}`, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'selections', value: widest, max: bounds.selections, http: { status: 400 } },
    });
  }
  return document;
}

/**
 * A GET request's document as Apollo Server reads it: from every parameter of the URL (Express's
 * `req.query` stops after 1000, so one placed behind 1000 others would pass unguarded); absent when
 * not named exactly once, which Apollo refuses without parsing.
 */
function queryParameter(url: string): string | undefined {
  const values = new URL(url, 'http://gateway').searchParams.getAll('query');
  return values.length === 1 ? values[0] : undefined;
}

/**
 * Express middleware in front of Apollo Server on /graphql: refuses an over-bound document before
 * Apollo parses and validates it (Apollo offers no hook between the two that may refuse a request
 * with a client error). Apollo parses the document again, with the same token cap; that second
 * parse of a bounded document is cheap beside validation.
 */
export function documentGuard(bounds: DocumentBounds): RequestHandler {
  return (req, res, next) => {
    const query = req.method === 'GET' ? queryParameter(req.originalUrl) : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    try {
      parseBounded(query, bounds);
    } catch (error) {
      const refused = error as GraphQLError;
      const { http: _http, ...extensions } = refused.extensions;
      res.status(400).json({ errors: [{ message: refused.message, extensions }] });
      return;
    }
    next();
  };
}
