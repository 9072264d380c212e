import { json } from '@sveltejs/kit';
import { apiError, apiHandler } from '$lib/server/api.ts';
import { appContext } from '$lib/server/context.ts';
import {
  HANDLER_ROLES,
  importUpload,
  MAX_IMPORT_BYTES,
  mailboxActor,
  workflowErrorResponse,
} from '$lib/server/mailbox/service.ts';
import { clientAddress } from '$lib/server/session.ts';
import type { RequestHandler } from './$types';

/** Imports a CSV or XLSX export of letters (multipart field `file`); bad rows are listed, the rest is stored. */
export const POST: RequestHandler = apiHandler('mailbox.import', async (event) => {
  const actor = mailboxActor(event.locals, clientAddress(event), HANDLER_ROLES);
  const form = await event.request.formData().catch(() => null);
  const file = form?.get('file');
  if (!(file instanceof File))
    return apiError(400, 'bad_request', '请以 multipart/form-data 上传 file 字段', 'file');
  if (file.size > MAX_IMPORT_BYTES) return apiError(413, 'too_large', '文件过大（最大 20 MB）', 'file');
  try {
    const result = await importUpload(
      appContext().store,
      actor,
      file.name,
      new Uint8Array(await file.arrayBuffer()),
    );
    return json(result, { status: 201 });
  } catch (e) {
    return workflowErrorResponse(e);
  }
});
