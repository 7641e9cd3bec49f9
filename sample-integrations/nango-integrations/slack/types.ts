// Raw Slack Web API shapes (only the fields this integration reads), prefixed with `Slack` so
// they never clash with the models generated from nango.yaml.

// https://api.slack.com/types/user
export interface SlackApiUser {
    id: string;
    team_id: string;
    name: string;
    // Deactivated users stay listed with deleted: true.
    deleted: boolean;
    real_name?: string;
    tz?: string;
    profile: {
        title?: string;
        real_name?: string;
        display_name?: string;
        // Only with the users:read.email scope; bots have none.
        email?: string;
    };
    is_admin?: boolean;
    is_bot: boolean;
    // Unix time in seconds.
    updated: number;
}

// Every Web API method answers HTTP 200 with `ok`; failures carry `error` (e.g. user_not_found).
// https://api.slack.com/web#evaluating_responses
export interface SlackErrorResponse {
    ok: false;
    error: string;
}

// https://api.slack.com/methods/users.info
export type SlackUserInfoResponse = { ok: true; user: SlackApiUser } | SlackErrorResponse;
