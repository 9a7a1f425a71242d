#include "Async.h"

#include <QPromise>
#include <QTest>
#include <QThread>

#include <memory>

class TestAsync : public QObject
{
    Q_OBJECT

private slots:
    void deliversTheResultOnTheReceiversThread()
    {
        QObject receiver;
        QPromise<int> promise;
        int delivered = 0;
        QThread *deliveredOn = nullptr;
        whenFinished(promise.future(), &receiver, [&](int value) {
            delivered = value;
            deliveredOn = QThread::currentThread();
        });
        std::unique_ptr<QThread> worker(QThread::create([&] {
            promise.start();
            promise.addResult(42);
            promise.finish();
        }));
        worker->start();
        QTRY_COMPARE(delivered, 42);
        QCOMPARE(deliveredOn, receiver.thread());
        worker->wait();
    }

    // Qt 6.4's QFuture::then(context, …) asserts here in a debug build: the context dies first.
    void dropsTheResultWhenTheReceiverIsGone()
    {
        auto receiver = std::make_unique<QObject>();
        QPromise<int> promise;
        bool called = false;
        whenFinished(promise.future(), receiver.get(), [&](int) { called = true; });
        receiver.reset();
        std::unique_ptr<QThread> worker(QThread::create([&] {
            promise.start();
            promise.addResult(7);
            promise.finish();
        }));
        worker->start();
        worker->wait();
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestAsync)
#include "tst_async.moc"
