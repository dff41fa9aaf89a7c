import { ADMIN_SCOPES, isUuid, logger, systemCaller, type FieldCipher, type SubgraphRuntime } from '@loyalnest/kit';
import { Router, type Request, type Response } from 'express';
import { EXPORT_HEADER } from '../domain/segment-export-csv.js';
import { SEGMENT_EXPORT_PREFIX, type ExportLinkSigner } from '../domain/segment-export-link.js';
import { chunkAad } from '../services/segment-export-batch.service.js';
import type { SegmentExportService } from '../services/segment-export.service.js';

/** Chunks read per query while streaming: a few MB in memory at most. */
const CHUNKS_PER_READ = 20;

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/**
 * `GET /segment-exports/<id>.csv?merchant=…&expires=…&signature=…`: the file of a ready export,
 * for whoever holds the link `SegmentExport.downloadUrl` gave the merchant's admin. A signed link
 * rather than the admin's bearer token: a browser download (a plain link, a new tab) sends no
 * Authorization header, and the gateway never forwards one to a subgraph's routes anyway. The
 * link names merchant, export and expiry under an HMAC; the export is then read under that
 * merchant's tenant, so a link can only ever open its own merchant's export. A bad or tampered
 * link, an unknown export and another merchant's answer 404 alike; an expired link or export 410.
 */
export function segmentExportRoutes(runtime: SubgraphRuntime, deps: { signer: ExportLinkSigner; exports: SegmentExportService; cipher: FieldCipher }): Router {
  const router = Router();
  const log = logger(runtime.name);

  const download = async (req: Request, res: Response) => {
    const match = /^([0-9a-f-]{36})\.csv$/.exec(String(req.params.file));
    const merchantId = String(req.query.merchant ?? '');
    const expires = Number(req.query.expires);
    const signature = String(req.query.signature ?? '');
    const exportId = match?.[1] ?? '';
    if (!isUuid(exportId) || !isUuid(merchantId) || !Number.isSafeInteger(expires) || !deps.signer.verify({ merchantId, exportId, expires }, signature)) {
      return fail(res, 404, 'NOT_FOUND', 'No such export');
    }
    if (expires * 1000 <= Date.now()) return fail(res, 410, 'LINK_EXPIRED', 'This download link has expired; open the export again for a fresh one');
    const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId));
    const file = await deps.exports.file(ctx, exportId);
    if (file.kind === 'missing') return fail(res, 404, 'NOT_FOUND', 'No such export');
    if (file.kind === 'gone') return fail(res, 410, 'EXPORT_EXPIRED', 'This export has expired and its file was deleted; export the segment again');
    // The handle is lower case letters, digits and hyphens (the store checks it): safe in a header.
    const filename = `segment-${file.handle}-${file.finishedAt.toISOString().slice(0, 10)}.csv`;
    res.status(200);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.write(EXPORT_HEADER);
    let next = 0;
    while (next < file.chunks) {
      const chunks = await deps.exports.chunks(ctx, exportId, next, CHUNKS_PER_READ);
      // Chunks deleted under the download (the export expired or was erased meanwhile): cut the
      // response, so the client sees a failed download rather than a file that looks complete.
      if (chunks.length === 0) return void res.destroy();
      for (const chunk of chunks) {
        if (chunk.seq !== next) return void res.destroy();
        res.write(deps.cipher.decrypt(chunk.content, chunkAad(merchantId, exportId, chunk.seq)));
        next = chunk.seq + 1;
      }
    }
    res.end();
  };

  router.get(`${SEGMENT_EXPORT_PREFIX}/:file`, (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    download(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'segment export download failed');
      if (res.headersSent) res.destroy();
      else fail(res, 503, 'UNAVAILABLE', 'The export cannot be downloaded now; try again shortly');
    });
  });
  return router;
}
