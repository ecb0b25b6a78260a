// busboy 1.x ships no types (it comes with multer, which Nest's Express platform brings).
declare module 'busboy' {
  import type { IncomingHttpHeaders } from 'node:http';
  import type { Readable, Writable } from 'node:stream';
  interface FileInfo {
    filename: string;
    encoding: string;
    mimeType: string;
  }
  interface BusboyConfig {
    headers: IncomingHttpHeaders;
    defParamCharset?: string;
    limits?: { fileSize?: number; files?: number; fields?: number; parts?: number; fieldSize?: number };
  }
  interface Busboy extends Writable {
    on(
      event: 'file',
      listener: (name: string, stream: Readable & { truncated?: boolean }, info: FileInfo) => void,
    ): this;
    on(event: 'field', listener: (name: string, value: string) => void): this;
    on(event: 'close' | 'finish', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'filesLimit' | 'fieldsLimit' | 'partsLimit', listener: () => void): this;
  }
  function busboy(config: BusboyConfig): Busboy;
  export default busboy;
}
