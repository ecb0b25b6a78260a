import { authorisedBlobUrl } from '../api/client';

/** Downloads a file the API serves (behind sign-in when signed in) under the given name. */
export async function download(path: string, fileName: string): Promise<void> {
  const url = await authorisedBlobUrl(path);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
