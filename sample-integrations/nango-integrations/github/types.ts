// Raw GitHub REST API shapes, exactly as GitHub sends them (only the fields this integration reads).
// Prefixed with `Github` so they never clash with the models generated from nango.yaml.

// https://docs.github.com/en/rest/pulls/pulls#list-pull-requests (one item of the response array)
export interface GithubPullRequest {
    id: number;
    number: number;
    title: string;
    state: 'open' | 'closed';
    html_url: string;
    // null when the author's account was deleted (GitHub then shows "ghost").
    user: GithubUser | null;
    created_at: string;
    updated_at: string;
    closed_at: string | null;
    merged_at: string | null;
    // Older GitHub Enterprise servers omit it.
    draft?: boolean;
    head: GithubBranchRef;
    base: GithubBranchRef;
    labels: GithubLabel[];
}

export interface GithubUser {
    login: string;
    id: number;
}

export interface GithubBranchRef {
    // "owner:branch"
    label: string;
    ref: string;
    sha: string;
}

export interface GithubLabel {
    id: number;
    name: string;
    color: string;
}

// https://docs.github.com/en/rest/pulls/pulls#create-a-pull-request (request body)
export interface GithubCreatePullRequestBody {
    title: string;
    head: string;
    base: string;
    // Absent fields (undefined) are left out of the JSON body.
    body?: string | undefined;
    draft?: boolean | undefined;
}

// https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api (error bodies)
export interface GithubErrorResponse {
    message: string;
    errors?: GithubValidationError[];
    documentation_url?: string;
}

// https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#validation-failed
export interface GithubValidationError {
    resource: string;
    code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
    field?: string;
    message?: string;
}
