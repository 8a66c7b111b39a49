import { readEndUser, readEndUserRows, readTemplates } from '../../shared/heavytruckparts/read-lists';
import type { HtpClient } from './client';
import { segment } from './connection';

/**
 * End users (the customer on the line) and their templates. The document's HEAD calls return
 * bodies, which HTTP HEAD cannot carry, so GET is used: the lookup's GET has every field, and the
 * template types are gathered from the template list.
 */
export class EndUserService {
  constructor(private readonly client: HtpClient) {}

  async lookup(q: { email: string; userId: string }) {
    const conn = await this.client.connection();
    try {
      const body = await this.client.call(conn, '/enduser/lookup', q.email ? { email: q.email } : { userid: q.userId }, { feature: 'end users', retries: 1 });
      return { user: readEndUser(body) };
    } catch (error) {
      // "No such user" comes back as 404 or as an empty answer; both mean none.
      if (error instanceof Error && 'code' in error && (error as { code: string }).code === 'vendor-error' && /HTTP 404/.test(error.message)) return { user: null };
      throw error;
    }
  }

  async listAll(refresh: boolean) {
    const conn = await this.client.connection();
    return { users: readEndUserRows(await this.client.call(conn, '/enduser/listall', { refresh_list: refresh ? 'true' : undefined }, { feature: 'end users' })) };
  }

  async templates(type: string) {
    const conn = await this.client.connection();
    return { templates: readTemplates(await this.client.call(conn, `/enduser/templates${type ? `/${segment(type, 'template type')}` : ''}`, {}, { feature: 'templates' })) };
  }

  async templateTypes() {
    const { templates } = await this.templates('');
    return { types: [...new Set(templates.map((t) => t.type).filter((t): t is string => !!t))] };
  }

  async assign(type: string, userId: string, template: string) {
    const conn = await this.client.connection();
    await this.client.call(conn, `/enduser/templates/${segment(type, 'template type')}`, { userid: userId, template }, { method: 'POST', feature: 'templates', retries: 0, acceptText: true });
    return { message: `Template “${template}” assigned to end user ${userId} for ${type === 'all' ? 'every template type' : `${type}`}.` };
  }

  async remove(type: string, userId: string) {
    const conn = await this.client.connection();
    await this.client.call(conn, `/enduser/templates/${segment(type, 'template type')}`, { userid: userId }, { method: 'DELETE', feature: 'templates', retries: 0, acceptText: true });
    return { message: `End user ${userId} is back to the default ${type === 'all' ? 'for every template type' : `${type} template`}.` };
  }
}
