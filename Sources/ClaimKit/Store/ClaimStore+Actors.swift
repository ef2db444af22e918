extension ClaimStore {
    /// The one actor a user's name for it means; an error when none or several match.
    public func actor(named name: String) throws -> ActorSummary {
        let ids = try actorIDs(matching: name)
        let all = try actors().filter { ids.contains($0.id) }
        guard let first = all.first else {
            throw ClaimsError.noActor(name)
        }
        guard all.count == 1 else {
            throw ClaimsError(
                code: .usage,
                message: "'\(name)' names \(all.count) actors (\(all.map { "#\($0.id) \($0.name)" }.joined(separator: ", "))); use the id, e.g. '#\(first.id)'")
        }
        return first
    }

    /// Resolves "#12" or a name to one actor.
    public func resolveActor(_ reference: String) throws -> ActorSummary {
        if reference.hasPrefix("#"), let id = Int(reference.dropFirst()) {
            guard let a = try actors().first(where: { $0.id == id }) else {
                throw ClaimsError(code: .notFound, message: "no actor has id \(id); `claims actors` lists them all")
            }
            return a
        }
        return try actor(named: reference)
    }

    /// Adds a name for an actor, kept through re-extraction: texts that use it resolve to that actor.
    public func addAlias(_ alias: String, to reference: String) throws -> ActorSummary {
        let actor = try resolveActor(reference)
        try db.transaction {
            try db.run("DELETE FROM actor_aliases WHERE alias = ? AND manual = 0", [.text(alias)])
            try db.run(
                "INSERT INTO actor_aliases(alias, actor_id, manual) VALUES (?, ?, 1) ON CONFLICT(alias, actor_id) DO UPDATE SET manual = 1",
                [.text(alias), .int(actor.id)])
        }
        return try resolveActor("#\(actor.id)")
    }

    /// Merges actor `other` into `keep`: claims, targets, responses, aliases and roles move; `other`'s names
    /// become manual aliases of `keep`, so re-extraction resolves them to `keep` too.
    public func merge(_ other: String, into keep: String) throws -> ActorSummary {
        let a = try resolveActor(keep)
        let b = try resolveActor(other)
        guard a.id != b.id else { throw ClaimsError(code: .usage, message: "'\(keep)' and '\(other)' are the same actor") }
        try db.transaction {
            // The merged actor's own name, and names a user gave it, now mean the kept actor everywhere;
            // its automatic aliases (a surname another person may share) move over as automatic.
            let aliases = try db.rows("SELECT alias, manual FROM actor_aliases WHERE actor_id = ?", [.int(b.id)]) {
                ($0.string(0), $0.int(1) == 1)
            }
            for (name, manual) in aliases + [(b.name, true)] {
                if manual { try db.run("DELETE FROM actor_aliases WHERE alias = ? AND manual = 0 AND actor_id = ?", [.text(name), .int(b.id)]) }
                try db.run(
                    """
                    INSERT INTO actor_aliases(alias, actor_id, manual) VALUES (?, ?, ?)
                    ON CONFLICT(alias, actor_id) DO UPDATE SET manual = max(manual, excluded.manual)
                    """, [.text(name), .int(a.id), .int(manual ? 1 : 0)])
            }
            try db.run("UPDATE claims SET speaker_id = ? WHERE speaker_id = ?", [.int(a.id), .int(b.id)])
            try db.run("UPDATE OR IGNORE claim_targets SET actor_id = ? WHERE actor_id = ?", [.int(a.id), .int(b.id)])
            try db.run("DELETE FROM claim_targets WHERE actor_id = ?", [.int(b.id)])
            try db.run("UPDATE responses SET target_actor_id = ? WHERE target_actor_id = ?", [.int(a.id), .int(b.id)])
            try db.run("INSERT OR IGNORE INTO actor_roles(actor_id, role) SELECT ?, role FROM actor_roles WHERE actor_id = ?", [.int(a.id), .int(b.id)])
            try db.run("DELETE FROM actors WHERE id = ?", [.int(b.id)])
        }
        return try resolveActor("#\(a.id)")
    }
}
