// Raw Pipedrive API v2 shapes (only the fields this integration reads), prefixed with `Pipedrive`
// so they never clash with the models generated from nango.yaml.

// https://developers.pipedrive.com/docs/api/v1/Activities#getActivities (API v2 response, one item of `data`)
export interface PipedriveActivity {
    id: number;
    subject: string;
    // The activity type's key: call, meeting, task, deadline, email, lunch, or a custom one.
    type: string;
    owner_id: number;
    deal_id: number | null;
    person_id: number | null;
    org_id: number | null;
    // YYYY-MM-DD, HH:MM and HH:MM, or null.
    due_date: string | null;
    due_time: string | null;
    duration: string | null;
    done: boolean;
    note: string | null;
    // RFC 3339.
    add_time: string;
    update_time: string;
}
