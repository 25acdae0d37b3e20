/* Generated from lambdas/api/openapi.ts by `npm run console:schema`: do not edit. */

export interface paths {
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the tenant’s tokens (never their secrets) */
        get: operations["getTokens"];
        put?: never;
        /** Create an API token; the secret is returned once and never again */
        post: operations["postTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a token. Effective on the next request (the authorizer decision is not cached). */
        delete: operations["deleteTokensTokenId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Token creations and revocations of this tenant, newest first: who (token id), what, when */
        get: operations["getAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-sources/aws/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download cloudformation-template.json pre-filled with this tenant’s ExternalId, principal and events endpoint */
        get: operations["getDataSourcesAwsTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-sources/aws/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List linked and unlinked accounts */
        get: operations["getDataSourcesAwsAccounts"];
        put?: never;
        /** Finish setup: assume the role with the tenant’s ExternalId, check its account, store the connection */
        post: operations["postDataSourcesAwsAccounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-sources/aws/accounts/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Account details: role, status, regions, last ingestion, last event and template version per region, event counters */
        get: operations["getDataSourcesAwsAccountsAccountId"];
        put?: never;
        post?: never;
        /** Unlink: stop crawling and applying its events (they are still answered 2xx and dropped). purge=true deletes its inventory; otherwise assets are kept and marked unlinkedAt. */
        delete: operations["deleteDataSourcesAwsAccountsAccountId"];
        options?: never;
        head?: never;
        /** Edit the role ARN (verified again), the regions and/or a custom setup’s EventBridge names (pipelineNames) the health checks use */
        patch: operations["patchDataSourcesAwsAccountsAccountId"];
        trace?: never;
    };
    "/data-sources/aws/accounts/{accountId}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pipeline health at the last check, per region: rule, target, API destination, connection and delivery, each pass | warn | fail | unknown with what was observed and the remedy */
        get: operations["getDataSourcesAwsAccountsAccountIdHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-sources/aws/accounts/{accountId}/health/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When regions turned failing and recovered, newest first, with the checks that failed */
        get: operations["getDataSourcesAwsAccountsAccountIdHealthHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-sources/aws/accounts/{accountId}/health-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the pipeline health checks now, through the account’s role, in every region of the data source: the result if it comes within 20 seconds, else 202 and the run to poll (Location) */
        post: operations["postDataSourcesAwsAccountsAccountIdHealthChecks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-sources/aws/accounts/{accountId}/health-checks/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One on-demand health check run: RUNNING, SUCCEEDED with the result, or FAILED with why (never left running past its time limit) */
        get: operations["getDataSourcesAwsAccountsAccountIdHealthChecksRunId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-sources/aws/accounts/{accountId}/ingestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ingestion history: the account’s runs, newest first (status, start and end, counts, errors); page with `cursor` while `nextCursor` is not null */
        get: operations["getDataSourcesAwsAccountsAccountIdIngestions"];
        put?: never;
        /** Start now: start an ingestion of the account */
        post: operations["postDataSourcesAwsAccountsAccountIdIngestions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-sources/aws/accounts/{accountId}/ingestions/{ingestionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ingestion status (RUNNING | SUCCEEDED | PARTIAL | FAILED), per (region, service) outcome, counts, errors */
        get: operations["getDataSourcesAwsAccountsAccountIdIngestionsIngestionId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List assets, filtered; page with `cursor` while `nextCursor` is not null (a page may be short) */
        get: operations["getInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/cbom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inventory (optionally filtered by type, region, accountId) as a CycloneDX 1.6 CBOM. Bounded to one response: a 422 ExportTooLarge asks to narrow the filters. */
        get: operations["getInventoryCbom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/{assetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One asset with its relations, usages and recent changes */
        get: operations["getInventoryAssetId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List findings, most urgent first (severity, then due date), filtered; page with `cursor` while `nextCursor` is not null. format=sarif answers a SARIF 2.1.0 log of the page. */
        get: operations["getFindings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/findings/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rule catalogue: ids, severities and their criteria, exclusions, remediation, compliance references, profiles */
        get: operations["getFindingsRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/findings/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open findings by severity, rule and account; certificate expiry timeline; quantum-vulnerable share; the three most urgent */
        get: operations["getFindingsSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/findings/{findingId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One finding, whatever its status: evidence, blast radius, remediation, compliance references, suppression */
        get: operations["getFindingsFindingId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/findings/{findingId}/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suppress one open finding with a reason and an optional expiry (recorded with the token and time); it reopens when the expiry passes */
        post: operations["postFindingsFindingIdSuppressions"];
        /** Lift the finding’s suppression: it is open again */
        delete: operations["deleteFindingsFindingIdSuppressions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/findings/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant’s rule × account / tag suppressions, oldest first; expired ones stay listed (active false) for 90 days */
        get: operations["getFindingsSuppressions"];
        put?: never;
        /** Suppress a rule for one account or for every asset with a tag (key=value), with a reason and an optional expiry (recorded with the token and time): its matching findings become suppressed now and at every evaluation, until it is lifted or expires */
        post: operations["postFindingsSuppressions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/findings/suppressions/{suppressionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Lift a rule × account / tag suppression: the findings it suppressed are open again (unless another suppression holds) */
        delete: operations["deleteFindingsSuppressionsSuppressionId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data-sources/aws/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** CloudTrail events from the customer’s EventBridge API destination (uploader). 401 only for an unknown or revoked token. */
        post: operations["postDataSourcesAwsEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @description Stable machine-readable code, e.g. ValidationError, NotFound */
                code: string;
                message: string;
                /** @description The offending input field (400 only) */
                field?: string;
            };
        };
        Token: {
            tokenId: string;
            tenantId: string;
            name: string;
            permissions: ("admin" | "reader" | "uploader")[];
            /** Format: date-time */
            createdAt: string;
            /** @description Id of the token that created this one (`admin-cli` for the admin CLI) */
            createdBy?: string;
            /** Format: date-time */
            expiresAt?: string;
            /** Format: date-time */
            revokedAt?: string;
        };
        AuditEntry: {
            tenantId: string;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            action: "token-created" | "token-revoked";
            /** @description Id of the token that made the call (`admin-cli` for the admin CLI) */
            actor: string;
            tokenId: string;
            tokenName?: string;
            permissions?: ("admin" | "reader" | "uploader")[];
        };
        Account: {
            tenantId: string;
            accountId: string;
            roleArn: string;
            /** @enum {string} */
            status: "LINKED" | "UNLINKED";
            /** @description null = every commercial region */
            regions: string[] | null;
            /** Format: date-time */
            linkedAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            unlinkedAt?: string;
            lastIngestionId?: string;
            runningIngestionId?: string;
            /** Format: date-time */
            runningIngestionStartedAt?: string;
            /**
             * @description Pipeline health at the last check (absent before any)
             * @enum {string}
             */
            healthStatus?: "pass" | "warn" | "fail" | "unknown";
            /** Format: date-time */
            healthCheckedAt?: string;
            /** @description Regions failing at the last check (absent before any) */
            healthFailingRegions?: number;
            /** @description Reconciliation drift summed over re-crawls: assets found that no event had created */
            driftCreated?: number;
            /** @description …changed without an event */
            driftUpdated?: number;
            /** @description …deleted without an event */
            driftDeleted?: number;
        };
        AccountDetails: {
            tenantId: string;
            accountId: string;
            roleArn: string;
            /** @enum {string} */
            status: "LINKED" | "UNLINKED";
            /** @description null = every commercial region */
            regions: string[] | null;
            /** Format: date-time */
            linkedAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            unlinkedAt?: string;
            lastIngestionId?: string;
            runningIngestionId?: string;
            /** Format: date-time */
            runningIngestionStartedAt?: string;
            /**
             * @description Pipeline health at the last check (absent before any)
             * @enum {string}
             */
            healthStatus?: "pass" | "warn" | "fail" | "unknown";
            /** Format: date-time */
            healthCheckedAt?: string;
            /** @description Regions failing at the last check (absent before any) */
            healthFailingRegions?: number;
            /** @description Reconciliation drift summed over re-crawls: assets found that no event had created */
            driftCreated?: number;
            /** @description …changed without an event */
            driftUpdated?: number;
            /** @description …deleted without an event */
            driftDeleted?: number;
            health: {
                region: string;
                /** Format: date-time */
                lastEventAt?: string;
                templateVersion?: string;
                lastEventId?: string;
            }[];
            /** @description Events applied, duplicate and dropped (by reason) */
            eventStats: {
                [key: string]: number;
            };
            lastIngestion?: components["schemas"]["Ingestion"];
        };
        Ingestion: {
            ingestionId: string;
            tenantId: string;
            accountId: string;
            /** @enum {string} */
            status: "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED";
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt?: string;
            regions: string[];
            counts?: {
                [key: string]: number;
            };
            errors?: {
                region?: string;
                service?: string;
                code: string;
                message: string;
            }[];
            executionArn?: string;
            /** @description Re-crawls only: per region, per service, the changes the crawl found that events had not applied */
            drift?: {
                [key: string]: {
                    [key: string]: {
                        created: number;
                        updated: number;
                        deleted: number;
                    };
                };
            };
        };
        PipelineHealth: {
            accountId: string;
            /**
             * @description The worst of its regions
             * @enum {string}
             */
            status: "pass" | "warn" | "fail" | "unknown";
            /**
             * Format: date-time
             * @description null: never checked
             */
            checkedAt: string | null;
            regions: {
                region: string;
                /** @enum {string} */
                role: "primary" | "forwarder";
                /**
                 * @description The worst of its checks
                 * @enum {string}
                 */
                status: "pass" | "warn" | "fail" | "unknown";
                checks: {
                    /** @enum {string} */
                    check: "rule" | "target" | "destination" | "connection" | "delivery";
                    /**
                     * @description pass; warn = degraded (works partly, or needs an update); fail = events do not flow; unknown = the check could not be made (access denied, throttled)
                     * @enum {string}
                     */
                    status: "pass" | "warn" | "fail" | "unknown";
                    observed: string;
                    /** @description What a cloud admin does, with the console path */
                    remedy: string;
                }[];
                /** Format: date-time */
                lastEventAt: string | null;
                templateVersion: string | null;
                /** @description Changes the last re-crawl found that events had not applied; null before any */
                drift: {
                    created: number;
                    updated: number;
                    deleted: number;
                } | null;
                /** @description The last 7 days up to the check, oldest first */
                eventsPerDay: {
                    /** Format: date */
                    date: string;
                    /** @description Events received from the region that UTC day: applied, duplicate or dropped */
                    events: number;
                    dropped: number;
                }[];
                /** @description Over the same days: events dropped, by reason (e.g. unsupported-event, failed-call, future-event) */
                droppedByReason: {
                    [key: string]: number;
                };
            }[];
        };
        PipelineHealthHistory: {
            items: {
                /**
                 * Format: date-time
                 * @description The check that saw the change
                 */
                at: string;
                region: string;
                /** @enum {string} */
                kind: "region-failing" | "region-recovered";
                /**
                 * @description The status at the check before; null at the region’s first check
                 * @enum {string|null}
                 */
                from: "pass" | "warn" | "fail" | "unknown" | null;
                /** @enum {string} */
                to: "pass" | "warn" | "fail" | "unknown";
                /** @description region-failing: the checks that failed, as observed then */
                failedChecks: {
                    /** @enum {string} */
                    check: "rule" | "target" | "destination" | "connection" | "delivery";
                    /** @enum {string} */
                    status: "pass" | "warn" | "fail" | "unknown";
                    observed: string;
                    remedy: string;
                }[];
            }[];
            /** @description Pass as `before` for older entries; absent on the last page */
            next?: string;
        };
        PipelineHealthCheckRun: {
            runId: string;
            accountId: string;
            /** @enum {string} */
            status: "RUNNING" | "SUCCEEDED" | "FAILED";
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt?: string;
            /** @description SUCCEEDED: the result, also stored as the account’s latest health */
            report?: {
                accountId: string;
                /**
                 * @description The worst of its regions
                 * @enum {string}
                 */
                status: "pass" | "warn" | "fail" | "unknown";
                /**
                 * Format: date-time
                 * @description null: never checked
                 */
                checkedAt: string | null;
                regions: {
                    region: string;
                    /** @enum {string} */
                    role: "primary" | "forwarder";
                    /**
                     * @description The worst of its checks
                     * @enum {string}
                     */
                    status: "pass" | "warn" | "fail" | "unknown";
                    checks: {
                        /** @enum {string} */
                        check: "rule" | "target" | "destination" | "connection" | "delivery";
                        /**
                         * @description pass; warn = degraded (works partly, or needs an update); fail = events do not flow; unknown = the check could not be made (access denied, throttled)
                         * @enum {string}
                         */
                        status: "pass" | "warn" | "fail" | "unknown";
                        observed: string;
                        /** @description What a cloud admin does, with the console path */
                        remedy: string;
                    }[];
                    /** Format: date-time */
                    lastEventAt: string | null;
                    templateVersion: string | null;
                    /** @description Changes the last re-crawl found that events had not applied; null before any */
                    drift: {
                        created: number;
                        updated: number;
                        deleted: number;
                    } | null;
                    /** @description The last 7 days up to the check, oldest first */
                    eventsPerDay: {
                        /** Format: date */
                        date: string;
                        /** @description Events received from the region that UTC day: applied, duplicate or dropped */
                        events: number;
                        dropped: number;
                    }[];
                    /** @description Over the same days: events dropped, by reason (e.g. unsupported-event, failed-call, future-event) */
                    droppedByReason: {
                        [key: string]: number;
                    };
                }[];
            };
            /** @description FAILED: why (a run that outlives its time limit is failed, never left running) */
            error?: string;
        };
        Asset: {
            id: string;
            tenantId: string;
            /** @enum {string} */
            source: "AWS";
            /** @enum {string} */
            type: "key" | "certificate" | "secret" | "parameter";
            accountId: string;
            region: string;
            arn: string;
            name: string;
            secure?: boolean;
            tags: {
                [key: string]: string;
            };
            crypto: {
                family: string;
                algorithm: string;
                keySize?: number;
                curve?: string;
                signatureAlgorithm?: string;
                keyUsage?: string[];
                /** @description null = unknown */
                quantumVulnerable: boolean | null;
                nistSecurityLevel?: number;
                classicalSecurityBits?: number;
            };
            lifecycle: {
                state: string;
                /** Format: date-time */
                createdAt?: string;
                /** Format: date-time */
                lastModifiedAt?: string;
                /** Format: date-time */
                notBefore?: string;
                /** Format: date-time */
                notAfter?: string;
                /** Format: date-time */
                deletionDate?: string;
                rotation?: {
                    applicable: boolean;
                    enabled: boolean | null;
                    periodDays?: number;
                    /** Format: date-time */
                    lastRotatedAt?: string;
                    /** Format: date-time */
                    nextRotationAt?: string;
                };
            };
            relations: {
                kmsKeyArn?: string;
                kmsKeyRef?: string;
                inUseBy: string[];
                aliases?: string[];
            };
            /** @description Service-specific fields, by kind (lambdas/inventory/asset.ts) */
            details: {
                /** @enum {string} */
                kind: "key" | "certificate" | "secret" | "parameter";
            } & {
                [key: string]: unknown;
            };
            coverageGaps?: {
                api: string;
                errorCode: string;
                message?: string;
            }[];
            /** Format: date-time */
            firstSeen: string;
            /** Format: date-time */
            lastSeen: string;
            /** Format: date-time */
            observedAt: string;
            deleted?: boolean;
            /** Format: date-time */
            deletedAt?: string;
            /** Format: date-time */
            unlinkedAt?: string;
        };
        Finding: {
            findingId: string;
            ruleId: string;
            title: string;
            /** @enum {string} */
            severity: "critical" | "high" | "medium" | "low";
            /** @enum {string} */
            status: "open" | "resolved" | "suppressed";
            asset: {
                assetId: string;
                arn: string;
                type: string;
                accountId: string;
                region: string;
                name: string;
            };
            evidence: {
                [key: string]: unknown;
            };
            blastRadius: {
                arn: string;
                resourceType: string;
                /** @enum {string} */
                knownFrom: "InUseBy" | "event" | "encrypts" | "replica";
                /** Format: date-time */
                lastSeenAt?: string;
            }[];
            blastRadiusTotal: number;
            compliance: {
                framework: string;
                control: string;
            }[];
            remediation: {
                text: string;
                url: string;
            };
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            firstSeenAt: string;
            /** Format: date-time */
            lastSeenAt: string;
            /** Format: date-time */
            resolvedAt?: string;
            suppression?: {
                reason: string;
                /** Format: date-time */
                expiresAt?: string;
                by: string;
                /** Format: date-time */
                at: string;
                source: string;
            };
            catalogueVersion: string;
        };
        FindingsList: {
            items: components["schemas"]["Finding"][];
            /** @description Pass as `cursor` for the next page; null = no more */
            nextCursor: string | null;
        } | components["schemas"]["SarifLog"];
        SarifLog: {
            /** @enum {string} */
            version: "2.1.0";
            $schema?: string;
            runs: ({
                tool: {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        ScopedSuppression: {
            suppressionId: string;
            ruleId: string;
            accountId?: string;
            tag?: {
                key: string;
                value: string;
            };
            reason: string;
            /** Format: date-time */
            expiresAt?: string;
            /** @description The token that made it (token:<tokenId>) */
            by: string;
            /** Format: date-time */
            at: string;
            /** @description false once expiresAt has passed (kept listed for the audit trail) */
            active: boolean;
        };
        ScopedSuppressionRequest: {
            ruleId: string;
            /** @description Where it applies: one account of the tenant, or every asset carrying a user tag */
            scope: {
                accountId?: string;
                tag?: {
                    key: string;
                    value: string;
                };
            };
            reason: string;
            /**
             * Format: date-time
             * @description In the future; absent = until lifted. Its findings reopen when it passes.
             */
            expiresAt?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        info: {
                            [key: string]: unknown;
                        };
                        paths: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant’s tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Token"][];
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    permissions: ("admin" | "reader" | "uploader")[];
                    /** Format: date-time */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** @description The token and its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: components["schemas"]["Token"];
                        /** @description The token secret (X-API-Key value): shown once, never again */
                        secret: string;
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTokensTokenId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token with revokedAt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: components["schemas"]["Token"];
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuditLog: {
        parameters: {
            query?: {
                limit?: string;
                before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the audit log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEntry"][];
                        /** @description Pass as `before` for older entries; absent on the last page */
                        next?: string;
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDataSourcesAwsTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CloudFormation template (attachment) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        AWSTemplateFormatVersion?: string;
                        Parameters?: {
                            [key: string]: unknown;
                        };
                        Resources: {
                            [key: string]: {
                                Type: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDataSourcesAwsAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant’s accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Account"][];
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDataSourcesAwsAccounts: {
        parameters: {
            query?: {
                startNow?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roleArn: string;
                    /** @description Regions to inventory; null = every commercial region */
                    regions?: ("us-east-1" | "us-east-2" | "us-west-1" | "us-west-2" | "af-south-1" | "ap-east-1" | "ap-east-2" | "ap-south-1" | "ap-south-2" | "ap-southeast-1" | "ap-southeast-2" | "ap-southeast-3" | "ap-southeast-4" | "ap-southeast-5" | "ap-southeast-6" | "ap-southeast-7" | "ap-northeast-1" | "ap-northeast-2" | "ap-northeast-3" | "ca-central-1" | "ca-west-1" | "eu-central-1" | "eu-central-2" | "eu-west-1" | "eu-west-2" | "eu-west-3" | "eu-north-1" | "eu-south-1" | "eu-south-2" | "il-central-1" | "me-central-1" | "me-south-1" | "mx-central-1" | "sa-east-1")[] | null;
                };
            };
        };
        responses: {
            /** @description The account was linked before: updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: components["schemas"]["Account"];
                        /** @description Present with startNow=true */
                        ingestion?: {
                            ingestionId: string;
                            /** @enum {string} */
                            status: "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED";
                        };
                    };
                };
            };
            /** @description Linked */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: components["schemas"]["Account"];
                        /** @description Present with startNow=true */
                        ingestion?: {
                            ingestionId: string;
                            /** @enum {string} */
                            status: "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED";
                        };
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description startNow=true and an ingestion is already running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role could not be assumed or belongs to another account; the message says what to check */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDataSourcesAwsAccountsAccountId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: components["schemas"]["AccountDetails"];
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDataSourcesAwsAccountsAccountId: {
        parameters: {
            query?: {
                purge?: "true" | "false";
            };
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unlinked account and what happened to its assets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: components["schemas"]["Account"];
                        /** @description With purge=true: assets deleted */
                        assetsPurged?: number;
                        /** @description Without purge: assets kept and marked unlinkedAt */
                        assetsMarked?: number;
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchDataSourcesAwsAccountsAccountId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roleArn?: string;
                    /** @description Regions to inventory; null = every commercial region */
                    regions?: ("us-east-1" | "us-east-2" | "us-west-1" | "us-west-2" | "af-south-1" | "ap-east-1" | "ap-east-2" | "ap-south-1" | "ap-south-2" | "ap-southeast-1" | "ap-southeast-2" | "ap-southeast-3" | "ap-southeast-4" | "ap-southeast-5" | "ap-southeast-6" | "ap-southeast-7" | "ap-northeast-1" | "ap-northeast-2" | "ap-northeast-3" | "ca-central-1" | "ca-west-1" | "eu-central-1" | "eu-central-2" | "eu-west-1" | "eu-west-2" | "eu-west-3" | "eu-north-1" | "eu-south-1" | "eu-south-2" | "il-central-1" | "me-central-1" | "me-south-1" | "mx-central-1" | "sa-east-1")[] | null;
                    pipelineNames?: {
                        rule?: string;
                        apiDestination?: string;
                        connection?: string;
                    } | null;
                };
            };
        };
        responses: {
            /** @description The edited account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: components["schemas"]["Account"];
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The new role could not be assumed or belongs to another account */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDataSourcesAwsAccountsAccountIdHealth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The last health check (status unknown and no regions before the first) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineHealth"];
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDataSourcesAwsAccountsAccountIdHealthHistory: {
        parameters: {
            query?: {
                limit?: string;
                before?: string;
            };
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the account’s pipeline history */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineHealthHistory"];
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDataSourcesAwsAccountsAccountIdHealthChecks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description The result, also stored as the latest; Location names the run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineHealth"];
                };
            };
            /** @description Still running: poll GET …/health-checks/{runId} (Location) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineHealthCheckRun"];
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The checks failed (the run, at Location, says why); try again */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDataSourcesAwsAccountsAccountIdHealthChecksRunId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineHealthCheckRun"];
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown account or run */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDataSourcesAwsAccountsAccountIdIngestions: {
        parameters: {
            query?: {
                /** @description Page size: an integer from 1 to 1000 (default 100) */
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Ingestion"][];
                        /** @description Pass as `cursor` for older runs; null = no more */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDataSourcesAwsAccountsAccountIdIngestions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Started; Location names the ingestion */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ingestionId: string;
                        /** @enum {string} */
                        status: "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED";
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown account */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An ingestion is already running, or the account is unlinked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDataSourcesAwsAccountsAccountIdIngestionsIngestionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                ingestionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ingestion with its parts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ingestion: {
                            ingestionId: string;
                            tenantId: string;
                            accountId: string;
                            /** @enum {string} */
                            status: "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED";
                            /** Format: date-time */
                            startedAt: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            regions: string[];
                            counts?: {
                                [key: string]: number;
                            };
                            errors?: {
                                region?: string;
                                service?: string;
                                code: string;
                                message: string;
                            }[];
                            executionArn?: string;
                            /** @description Re-crawls only: per region, per service, the changes the crawl found that events had not applied */
                            drift?: {
                                [key: string]: {
                                    [key: string]: {
                                        created: number;
                                        updated: number;
                                        deleted: number;
                                    };
                                };
                            };
                            parts: {
                                ingestionId: string;
                                region: string;
                                service: string;
                                /** @enum {string} */
                                status: "SUCCEEDED" | "NOT_ENABLED" | "FAILED";
                                /** Format: date-time */
                                finishedAt: string;
                                counts?: {
                                    [key: string]: number;
                                };
                                error?: {
                                    code: string;
                                    message: string;
                                };
                            }[];
                        };
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown account or ingestion */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInventory: {
        parameters: {
            query?: {
                type?: "key" | "certificate" | "secret" | "parameter";
                region?: "us-east-1" | "us-east-2" | "us-west-1" | "us-west-2" | "af-south-1" | "ap-east-1" | "ap-east-2" | "ap-south-1" | "ap-south-2" | "ap-southeast-1" | "ap-southeast-2" | "ap-southeast-3" | "ap-southeast-4" | "ap-southeast-5" | "ap-southeast-6" | "ap-southeast-7" | "ap-northeast-1" | "ap-northeast-2" | "ap-northeast-3" | "ca-central-1" | "ca-west-1" | "eu-central-1" | "eu-central-2" | "eu-west-1" | "eu-west-2" | "eu-west-3" | "eu-north-1" | "eu-south-1" | "eu-south-2" | "il-central-1" | "me-central-1" | "me-south-1" | "mx-central-1" | "sa-east-1";
                accountId?: string;
                arn?: string;
                quantumVulnerable?: "true" | "false";
                expiresBefore?: string;
                q?: string;
                includeDeleted?: "true" | "false";
                /** @description Only assets with open findings, most urgent first (combines with type, region, accountId, severity) */
                hasFindings?: "true";
                /** @description With hasFindings=true: only assets with an open finding of this severity */
                severity?: "critical" | "high" | "medium" | "low";
                /** @description Page size: an integer from 1 to 1000 (default 100) */
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of assets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Asset"][];
                        /** @description Pass as `cursor` for the next page; null = no more */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInventoryCbom: {
        parameters: {
            query?: {
                type?: "key" | "certificate" | "secret" | "parameter";
                region?: "us-east-1" | "us-east-2" | "us-west-1" | "us-west-2" | "af-south-1" | "ap-east-1" | "ap-east-2" | "ap-south-1" | "ap-south-2" | "ap-southeast-1" | "ap-southeast-2" | "ap-southeast-3" | "ap-southeast-4" | "ap-southeast-5" | "ap-southeast-6" | "ap-southeast-7" | "ap-northeast-1" | "ap-northeast-2" | "ap-northeast-3" | "ca-central-1" | "ca-west-1" | "eu-central-1" | "eu-central-2" | "eu-west-1" | "eu-west-2" | "eu-west-3" | "eu-north-1" | "eu-south-1" | "eu-south-2" | "il-central-1" | "me-central-1" | "me-south-1" | "mx-central-1" | "sa-east-1";
                accountId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CycloneDX 1.6 JSON */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.cyclonedx+json; version=1.6": {
                        /** @enum {string} */
                        bomFormat: "CycloneDX";
                        /** @enum {string} */
                        specVersion: "1.6";
                        serialNumber?: string;
                        version: number;
                        metadata: {
                            [key: string]: unknown;
                        };
                        components: ({
                            type: string;
                            name: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many assets for one export: narrow the filters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInventoryAssetId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The asset, its usages and its history */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        asset: components["schemas"]["Asset"];
                        usages: {
                            assetArn: string;
                            resourceArn: string;
                            resourceType: string;
                            via: string;
                            /** Format: date-time */
                            firstSeen: string;
                            /** Format: date-time */
                            lastSeen: string;
                            count: number;
                        }[];
                        /** @description Most recent changes first */
                        history: {
                            tenantId: string;
                            assetArn: string;
                            eventId: string;
                            eventName: string;
                            who: string;
                            /** Format: date-time */
                            at: string;
                            changes: ({
                                op: string;
                                path: string;
                                applied: boolean;
                            } & {
                                [key: string]: unknown;
                            })[];
                        }[];
                        /** @description The asset’s open findings, most urgent first */
                        findings: components["schemas"]["Finding"][];
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown asset */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFindings: {
        parameters: {
            query?: {
                status?: "open" | "resolved" | "suppressed";
                severity?: "critical" | "high" | "medium" | "low";
                ruleId?: string;
                profile?: "all" | "aws-foundational" | "pqc-readiness";
                accountId?: string;
                region?: "us-east-1" | "us-east-2" | "us-west-1" | "us-west-2" | "af-south-1" | "ap-east-1" | "ap-east-2" | "ap-south-1" | "ap-south-2" | "ap-southeast-1" | "ap-southeast-2" | "ap-southeast-3" | "ap-southeast-4" | "ap-southeast-5" | "ap-southeast-6" | "ap-southeast-7" | "ap-northeast-1" | "ap-northeast-2" | "ap-northeast-3" | "ca-central-1" | "ca-west-1" | "eu-central-1" | "eu-central-2" | "eu-west-1" | "eu-west-2" | "eu-west-3" | "eu-north-1" | "eu-south-1" | "eu-south-2" | "il-central-1" | "me-central-1" | "me-south-1" | "mx-central-1" | "sa-east-1";
                assetType?: "key" | "certificate" | "secret" | "parameter";
                /** @description A user tag the asset carries, as key=value */
                tag?: string;
                /** @description sarif: a SARIF 2.1.0 log of this page (code-scanning tools) */
                format?: "json" | "sarif";
                /** @description Page size: an integer from 1 to 1000 (default 100) */
                limit?: string;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of findings, or a SARIF 2.1.0 log (format=sarif) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FindingsList"];
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFindingsRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        catalogueVersion: string;
                        rules: {
                            id: string;
                            title: string;
                            assetTypes: string[];
                            /** @enum {string} */
                            defaultSeverity: "critical" | "high" | "medium" | "low";
                            severityCriteria: string[];
                            raisedWhen: string;
                            exclusions: string[];
                            rationale: string;
                            remediation: {
                                text: string;
                                url: string;
                            };
                            compliance: {
                                framework: string;
                                control: string;
                            }[];
                            profiles: string[];
                        }[];
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFindingsSummary: {
        parameters: {
            query?: {
                accountId?: string;
                profile?: "all" | "aws-foundational" | "pqc-readiness";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The summary */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        open: number;
                        suppressed: number;
                        bySeverity: {
                            [key: string]: number;
                        };
                        byRule: {
                            [key: string]: number;
                        };
                        byAccount: {
                            [key: string]: number;
                        };
                        certificateExpiry: {
                            expired: number;
                            within7Days: number;
                            within8To30Days: number;
                            within31To90Days: number;
                            later: number;
                        };
                        quantumVulnerable: {
                            byAssetType: {
                                [key: string]: {
                                    vulnerable: number;
                                    total: number;
                                };
                            };
                            byAlgorithm: {
                                [key: string]: number;
                            };
                        };
                        /** @description The three most urgent open findings (severity, then due date) */
                        mostUrgent: components["schemas"]["Finding"][];
                        /** @description Linked accounts’ event pipelines at their last health check (GET …/accounts/{accountId}/health) */
                        pipeline: {
                            /** @description Regions whose event pipeline failed its last health check */
                            failingRegions: number;
                            accountsWithFailingRegion: number;
                        };
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFindingsFindingId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                findingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The finding */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        finding: components["schemas"]["Finding"];
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown finding */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFindingsFindingIdSuppressions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                findingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    /** Format: date-time */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** @description The suppressed finding */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        finding: components["schemas"]["Finding"];
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown finding */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteFindingsFindingIdSuppressions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                findingId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The finding */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        finding: components["schemas"]["Finding"];
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown finding */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getFindingsSuppressions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The suppressions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ScopedSuppression"][];
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the reader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postFindingsSuppressions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScopedSuppressionRequest"];
            };
        };
        responses: {
            /** @description The suppression, and how many stored findings it suppressed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        suppression: components["schemas"]["ScopedSuppression"];
                        /** @description Stored findings whose status changed (suppressed, or reopened when lifted) */
                        findingsUpdated: number;
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteFindingsSuppressionsSuppressionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                suppressionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lifted suppression, and how many stored findings reopened */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        suppression: components["schemas"]["ScopedSuppression"];
                        /** @description Stored findings whose status changed (suppressed, or reopened when lifted) */
                        findingsUpdated: number;
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the admin permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown suppression */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporarily unavailable (the platform’s storage is throttled or failing; nothing was stored): retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postDataSourcesAwsEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: string;
                    id: string;
                    "detail-type": string;
                    source: string;
                    account: string;
                    /** Format: date-time */
                    time: string;
                    region: string;
                    resources: string[];
                    detail: {
                        eventVersion?: string;
                        userIdentity?: {
                            type?: string;
                            principalId?: string;
                            arn?: string;
                            accountId?: string;
                            userName?: string;
                            invokedBy?: string;
                            sessionContext?: {
                                sessionIssuer?: {
                                    type?: string;
                                    arn?: string;
                                    userName?: string;
                                } & {
                                    [key: string]: unknown;
                                };
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                        eventTime?: string;
                        eventSource?: string;
                        eventName?: string;
                        awsRegion?: string;
                        sourceIPAddress?: string;
                        userAgent?: string;
                        errorCode?: string;
                        errorMessage?: string;
                        requestParameters?: {
                            [key: string]: unknown;
                        } | null;
                        responseElements?: {
                            [key: string]: unknown;
                        } | null;
                        additionalEventData?: {
                            [key: string]: unknown;
                        } | null;
                        requestID?: string;
                        eventID?: string;
                        readOnly?: boolean;
                        resources?: ({
                            ARN?: string;
                            arn?: string;
                            type?: string;
                            accountId?: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        eventType?: string;
                        recipientAccountId?: string;
                        sharedEventID?: string;
                    } & {
                        [key: string]: unknown;
                    };
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Accepted (queued durably) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        accepted: true;
                        /** @description The EventBridge event id */
                        id: string;
                    };
                };
            };
            /** @description Bad input; `field` names it */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, unknown, revoked or expired token (API Gateway’s answer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the uploader permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The event is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: this token is over its per-second limit (lambdas/events/rate-limit.ts), or API Gateway’s stage throttling; nothing was done: retry after `Retry-After` seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal error (generic body; details are logged) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The event could not be queued; EventBridge retries */
            503: {
                headers: {
                    /** @description Seconds to wait before sending the request again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
