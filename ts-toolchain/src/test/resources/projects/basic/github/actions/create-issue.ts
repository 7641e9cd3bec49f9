import { NangoAction, CreateIssue, Issue } from '../../models';

export default async function runAction(nango: NangoAction, input: CreateIssue): Promise<Issue> {
    const res = await nango.post({ endpoint: '/repos/o/r/issues', data: input });
    return { id: res.data.id, url: res.data.html_url };
}
