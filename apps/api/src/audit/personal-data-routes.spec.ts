import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { API_CONTROLLERS } from '../api.module';
import { PERSONAL_DATA_ROUTES, PersonalDataReadInterceptor } from './access-log';

/** Every route of the API as Express sees it (`GET /api/nominations/:id`), and whether it records reads. */
function routes(): { route: string; records: boolean }[] {
  const out: { route: string; records: boolean }[] = [];
  for (const controller of API_CONTROLLERS) {
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const proto = controller.prototype as unknown as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const paths = [Reflect.getMetadata(PATH_METADATA, handler) ?? '/'].flat() as string[];
      const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? []) as unknown[];
      for (const path of paths) {
        const full = `/${[prefix, path]
          .map((p) => p.replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/')}`;
        out.push({
          route: `${RequestMethod[method]} ${full}`,
          records: interceptors.includes(PersonalDataReadInterceptor),
        });
      }
    }
  }
  return out;
}

describe('personal-data reads are recorded on exactly the routes that show personal data', () => {
  const table = Object.entries(PERSONAL_DATA_ROUTES)
    .map(([path, r]) => `${r.method ?? 'GET'} ${path}`)
    .sort();

  it('every route in the table is served by a handler that records its reads', () => {
    const recording = routes()
      .filter((r) => r.records)
      .map((r) => r.route);
    expect(table.filter((route) => !recording.includes(route))).toEqual([]);
  });

  it('no handler records reads of a route the table does not name (and so would not know what it shows)', () => {
    const recording = routes()
      .filter((r) => r.records)
      .map((r) => r.route)
      .sort();
    expect(recording).toEqual(table);
  });

  it('finds the API routes it checks (the reading of the metadata works)', () => {
    const all = routes().map((r) => r.route);
    expect(all).toContain('GET /api/nominations/:id');
    expect(all).toContain('POST /api/nominations/:id/submit');
    expect(all.length).toBeGreaterThan(50);
  });
});
