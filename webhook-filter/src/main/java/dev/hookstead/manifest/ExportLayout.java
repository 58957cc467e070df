package dev.hookstead.manifest;

/** The four export formats, newest last. */
public enum ExportLayout {
    /** stitch-cli, config_version 20180301: stitch.json (+ secrets.json). */
    STITCH_CLI,
    /** realm-cli v1, config_version 20200603: config.json. */
    REALM_CLI_V1,
    /** realm-cli v2, config_version 20210101: realm_config.json + .mdb/app_meta.json. */
    REALM_CLI_V2,
    /** appservices CLI, config_version 20230101: root_config.json + .mdb/meta.json. */
    APPSERVICES
}
