/// Every migration in order. Append only.
public enum AllMigrations {
    public static let list: [any Migration] = [
        // 0001 – units, staff accounts, sessions, API tokens, calendar, audit log (foundation issue)
        CreateFoundationTables()
    ]
}
