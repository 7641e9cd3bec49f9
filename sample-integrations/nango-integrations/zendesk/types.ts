// Raw Zendesk Support API shapes (only the fields this integration reads), prefixed with `Zendesk`
// so they never clash with the models generated from nango.yaml.

// https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#json-format
export interface ZendeskTicket {
    id: number;
    url: string;
    subject: string | null;
    description: string;
    // null for tickets created without one.
    type: 'problem' | 'incident' | 'question' | 'task' | null;
    priority: 'urgent' | 'high' | 'normal' | 'low' | null;
    status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
    requester_id: number;
    assignee_id: number | null;
    tags: string[];
    created_at: string;
    updated_at: string;
}

// https://developer.zendesk.com/api-reference/ticketing/ticket-management/search/#list-search-results (one item of `results`)
export interface ZendeskTicketSearchResult extends ZendeskTicket {
    result_type: 'ticket';
}

// https://developer.zendesk.com/api-reference/ticketing/ticket-management/search/#show-results-count
export interface ZendeskSearchCount {
    count: number;
}
