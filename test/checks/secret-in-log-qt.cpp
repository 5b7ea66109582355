// RUN: %check_prodready %s prodready-secret-in-log

// Qt: qDebug()/qWarning() streams, printf-style qDebug("..."), QString flows.
#include <QtCore/QDebug>
#include <QtCore/QString>

void qt_sinks(const QString &password, const QUrl &url, const QString &user) {
  qDebug() << "password" << password;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: secret 'password' is written to a log by 'qDebug', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-3]]:30: note: secret 'password' comes from here
  qWarning() << url.password();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: secret 'password()' is written to a log by 'qWarning', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:17: note: secret 'password()' comes from here
  qInfo("user %s pw %s", qPrintable(user), qPrintable(password));
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: secret 'password' is written to a log by 'qInfo', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-9]]:30: note: secret 'password' comes from here
  QString msg = QString("login %1").arg(password);
  qCritical() << msg;
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: secret 'password' is written to a log by 'qCritical', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-13]]:30: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: secret flows into 'msg' here
  qDebug() << "user" << user << "pw length" << password.size();
  qDebug() << "has password" << !url.password().isEmpty();
}
