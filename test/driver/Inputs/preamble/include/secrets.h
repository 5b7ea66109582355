// A project header with a credential in a #define: the check hears the
// #define only through the preamble's replay.
#pragma once

#define SERVICE_PASSWORD "hunter22xyz"
