#pragma once

#include <QString>

#include <expected>
#include <stdexcept>

// An error as a value: what went wrong in a sentence the user can act on, plus the technical detail
// for logs and "Show details". Services catch libpqxx exceptions at their edge and return these.
struct Error
{
    enum class Code {
        Unknown,
        InvalidInput,
        NotFound,
        ServerBinariesMissing,
        LocalServerFailed,
        HostNotFound,
        AuthenticationFailed,
        ServerUnreachable,
        DatabaseMissing,
        ConnectionLost,
        SchemaTooNew,
        MigrationEdited,
        MigrationFailed,
        Duplicate,  // SQLSTATE 23505
        Overlap,    // SQLSTATE 23P01
        Conflict,   // SQLSTATE 40001 / 40P01: retry
        Permission, // SQLSTATE 42501
        Constraint, // other class 23
        Stale,      // saved over a newer version (optimistic locking)
        Superseded, // a queued read that a newer request made pointless; nobody shows it
    };

    Error() = default;
    Error(Code code, QString message, QString detail = {})
        : code(code)
        , message(std::move(message))
        , detail(std::move(detail))
    {}

    Code code = Code::Unknown;
    QString message;
    QString detail;

    // "message (detail)" on one line, for the CLI and logs.
    QString oneLine() const;
};

template <typename T> using Result = std::expected<T, Error>;

// ResultOf<T> is Result<T>, and ResultOf<Result<T>> stays Result<T>.
template <typename T> struct ResultOfImpl
{
    using type = Result<T>;
};
template <typename T> struct ResultOfImpl<Result<T>>
{
    using type = Result<T>;
};
template <typename T> using ResultOf = typename ResultOfImpl<T>::type;

// Thrown inside the core, converted to Result at service edges (see Database::guard()).
class ForecourtException : public std::runtime_error
{
public:
    explicit ForecourtException(Error error);
    const Error &error() const { return m_error; }

private:
    Error m_error;
};

[[noreturn]] void fail(Error::Code code, const QString &message, const QString &detail = {});
