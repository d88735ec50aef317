"""Ordered migrations of the SQLite store. Never edit a released migration: append a new one."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: sources, articles, rejects, clusters, full-text search
    """
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        url TEXT,
        raw_hash TEXT NOT NULL UNIQUE,
        raw BLOB,
        charset TEXT,
        fetched TEXT,
        status TEXT NOT NULL,
        article_id TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source_id INTEGER REFERENCES sources(id),
        source TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT,
        published_from TEXT,
        dateline TEXT,
        byline TEXT,
        text TEXT,
        body_key TEXT NOT NULL,
        cluster TEXT NOT NULL,
        duplicate_of TEXT REFERENCES articles(id),
        minhash BLOB,
        doc_json TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_body_key ON articles(body_key);
    CREATE INDEX articles_cluster ON articles(cluster);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE furniture (
        article_id TEXT NOT NULL REFERENCES articles(id),
        line INTEGER,
        text TEXT NOT NULL,
        reason TEXT NOT NULL
    );
    CREATE INDEX furniture_article ON furniture(article_id);
    CREATE TABLE rejects (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        stage TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        raw_hash TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (source, raw_hash)
    );
    CREATE TABLE clusters (
        id TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        outlets INTEGER NOT NULL,
        first_published TEXT,
        last_published TEXT,
        title TEXT
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(terms, content='', tokenize='unicode61');
    """,
    # 2: entities, spellings, mentions
    """
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_ar TEXT,
        type TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        wikidata TEXT
    );
    CREATE TABLE spellings (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        surface TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (entity_id, surface)
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        entity_id TEXT NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        how TEXT NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_article ON mentions(article_id);
    """,
    # 3: events and their evidence
    """
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        cluster TEXT,
        type TEXT NOT NULL,
        mode TEXT,
        source_entity TEXT,
        source_countries TEXT,
        source_sector TEXT,
        target_entity TEXT,
        target_countries TEXT,
        target_sector TEXT,
        date TEXT,
        date_text TEXT,
        place TEXT,
        negated INTEGER NOT NULL,
        intent TEXT,
        confidence REAL,
        quad TEXT,
        intensity REAL,
        reported_by TEXT,
        json TEXT NOT NULL
    );
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_date ON events(date);
    CREATE TABLE event_evidence (
        event_id TEXT NOT NULL REFERENCES events(id),
        article_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    );
    CREATE INDEX event_evidence_event ON event_evidence(event_id);
    """,
]
