//! TLS to a shared PostgreSQL, on a throwaway cluster that speaks it (`scripts/pg-tls.sh`): the
//! store connects with `sslmode=verify-full` to a certified host name that is not `localhost`
//! and the session is encrypted; the wrong certificate authority is refused; plain text to a host
//! that is not local is refused by our own check before any connection, unless the URL says
//! `sslmode=disable`; and a server's refusal never carries the password.

use khaosat::store::PostgresStore;
use khaosat::Error;
use sqlx::{Connection, PgConnection};

use crate::support::TlsCluster;

/// A URL to the test database as the superuser at `host`, with `query`.
fn url(cluster: &TlsCluster, host: &str, query: &str) -> String {
    cluster.url_to("postgres", host, DATABASE, query)
}

/// The empty database the store migrates, made on the cluster by its superuser.
const DATABASE: &str = "khaosat_tls";

/// Whether the session at `url` is encrypted, asked of the server over a plain sqlx connection.
async fn encrypted(url: &str) -> bool {
    let mut conn = PgConnection::connect(url).await.expect("connect");
    let ssl: bool = sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(&mut conn)
        .await
        .expect("pg_stat_ssl");
    conn.close().await.expect("close");
    ssl
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_is_verified_and_plain_text_to_another_machine_is_refused() {
    let Some(cluster) = TlsCluster::start() else {
        return;
    };
    let admin = format!("postgres://postgres@127.0.0.1:{}/postgres", cluster.port);
    let mut conn = PgConnection::connect(&admin)
        .await
        .expect("admin connection");
    sqlx::query(&format!("CREATE DATABASE {DATABASE}"))
        .execute(&mut conn)
        .await
        .expect("create the test database");
    conn.close().await.expect("close");
    let host = cluster.host.as_str();

    // (a) verify-full with the authority that signed the server's certificate.
    let verified = url(
        &cluster,
        host,
        &format!("?sslmode=verify-full&sslrootcert={}", cluster.ca),
    );
    PostgresStore::connect(&verified)
        .await
        .expect("verify-full with the right authority connects and migrates");
    assert!(encrypted(&verified).await, "{verified} is not encrypted");
    let local = url(
        &cluster,
        "localhost",
        &format!("?sslmode=verify-full&sslrootcert={}", cluster.ca),
    );
    PostgresStore::connect(&local)
        .await
        .expect("verify-full to localhost connects");

    // (b) the wrong authority: the certificate is not trusted, with or without the name check.
    for mode in ["verify-full", "verify-ca"] {
        let wrong = url(
            &cluster,
            host,
            &format!("?sslmode={mode}&sslrootcert={}", cluster.other_ca),
        );
        match PostgresStore::connect(&wrong).await {
            Err(Error::Unavailable(_)) => {}
            other => panic!("{wrong} gave {other:?}"),
        }
        // rustls says why, through sqlx as an I/O error of the handshake.
        let refusal = PgConnection::connect(&wrong)
            .await
            .expect_err("the wrong authority");
        assert!(
            format!("{refusal:?}").contains("InvalidCertificate(UnknownIssuer)"),
            "{wrong} gave {refusal:?} from sqlx"
        );
    }

    // (c) plain text, or a silent fallback to it, to a host that is not local: our refusal, an
    // `Invalid` that no connection gives (a failed one is `Unavailable` or what the server said).
    for query in ["", "?sslmode=prefer", "?sslmode=allow"] {
        let plain = url(&cluster, host, query);
        match PostgresStore::connect(&plain).await {
            Err(Error::Invalid(message)) => assert_eq!(
                message,
                format!(
                    "kết nối tới máy chủ {host} không được mã hoá: thêm sslmode=verify-full (và \
                     sslrootcert=…) vào địa chỉ, hoặc sslmode=disable nếu chắc chắn mạng này \
                     an toàn"
                )
            ),
            other => panic!("{plain} gave {other:?}"),
        }
    }

    // (d) sslmode=disable written out is a choice the check respects.
    let disabled = url(&cluster, host, "?sslmode=disable");
    PostgresStore::connect(&disabled)
        .await
        .expect("an explicit sslmode=disable connects");
    assert!(!encrypted(&disabled).await, "{disabled} is encrypted");

    // A server's refusal (no such role) over TLS, with passwords in the URL: not shown.
    let with_passwords = format!(
        "postgres://lan:matkhau@{host}:{}/{DATABASE}?sslmode=verify-full&sslrootcert={}&password=matkhau2",
        cluster.port, cluster.ca
    );
    let error = PostgresStore::connect(&with_passwords)
        .await
        .expect_err("no role lan");
    let shown = format!("{error} | {error:?}");
    // The server itself answered (not our check, not an unreachable server).
    assert!(
        !matches!(error, Error::Invalid(_) | Error::Unavailable(_)),
        "{shown}"
    );
    assert!(!shown.contains("matkhau"), "{shown}");
}
