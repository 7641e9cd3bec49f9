export interface BenchRawContact {
    id: number;
    first_name: string;
    last_name: string;
    email: string | null;
    company: { name: string | null } | null;
    tags: string;
    created: string;
    score: string;
}
