import type { SupportTicket } from '../../models';
import type { ZendeskTicket } from '../types';

// ⑧ A Zendesk ticket → `SupportTicket`. Zendesk's nulls become absent optional fields.
export function toSupportTicket(ticket: ZendeskTicket): SupportTicket {
    return {
        id: ticket.id.toString(),
        subject: ticket.subject ?? '',
        description: ticket.description,
        status: ticket.status,
        ...(ticket.priority ? { priority: ticket.priority } : {}),
        ...(ticket.type ? { type: ticket.type } : {}),
        requester_id: ticket.requester_id.toString(),
        ...(ticket.assignee_id !== null ? { assignee_id: ticket.assignee_id.toString() } : {}),
        tags: ticket.tags,
        created_at: ticket.created_at,
        updated_at: ticket.updated_at
    };
}
