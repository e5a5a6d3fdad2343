"""Counter names of /proc/net/snmp, netstat, snmp6 and sctp/snmp, in the kernel's order.

A library for gen_fixture.py (not a command). LINUX_6 is kernel 6.18's key set, LINUX_3_10 is
RHEL 7's (3.10), which still has keys that netstat 2.10's tables know (TCPPrequeued, ...).
"""


def _keys(text):
    return text.split()


LINUX_6 = {
    "snmp": [
        ("Ip", _keys("""
            Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams
            InUnknownProtos InDiscards InDelivers OutRequests OutDiscards OutNoRoutes
            ReasmTimeout ReasmReqds ReasmOKs ReasmFails FragOKs FragFails FragCreates
            OutTransmits
""")),
        ("Icmp", _keys("""
            InMsgs InErrors InCsumErrors InDestUnreachs InTimeExcds InParmProbs InSrcQuenchs
            InRedirects InEchos InEchoReps InTimestamps InTimestampReps InAddrMasks
            InAddrMaskReps OutMsgs OutErrors OutRateLimitGlobal OutRateLimitHost OutDestUnreachs
            OutTimeExcds OutParmProbs OutSrcQuenchs OutRedirects OutEchos OutEchoReps
            OutTimestamps OutTimestampReps OutAddrMasks OutAddrMaskReps
""")),
        ("IcmpMsg", _keys("""
            InType3
""")),
        ("Tcp", _keys("""
            RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets
            CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors
""")),
        ("Udp", _keys("""
            InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors
            IgnoredMulti MemErrors
""")),
        ("UdpLite", _keys("""
            InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors
            IgnoredMulti MemErrors
""")),
    ],
    "netstat": [
        ("TcpExt", _keys("""
            SyncookiesSent SyncookiesRecv SyncookiesFailed EmbryonicRsts PruneCalled RcvPruned
            OfoPruned OutOfWindowIcmps LockDroppedIcmps ArpFilter TW TWRecycled TWKilled
            PAWSActive PAWSEstab BeyondWindow TSEcrRejected PAWSOldAck PAWSTimewait DelayedACKs
            DelayedACKLocked DelayedACKLost ListenOverflows ListenDrops TCPHPHits TCPPureAcks
            TCPHPAcks TCPRenoRecovery TCPSackRecovery TCPSACKReneging TCPSACKReorder
            TCPRenoReorder TCPTSReorder TCPFullUndo TCPPartialUndo TCPDSACKUndo TCPLossUndo
            TCPLostRetransmit TCPRenoFailures TCPSackFailures TCPLossFailures TCPFastRetrans
            TCPSlowStartRetrans TCPTimeouts TCPLossProbes TCPLossProbeRecovery
            TCPRenoRecoveryFail TCPSackRecoveryFail TCPRcvCollapsed TCPBacklogCoalesce
            TCPDSACKOldSent TCPDSACKOfoSent TCPDSACKRecv TCPDSACKOfoRecv TCPAbortOnData
            TCPAbortOnClose TCPAbortOnMemory TCPAbortOnTimeout TCPAbortOnLinger TCPAbortFailed
            TCPMemoryPressures TCPMemoryPressuresChrono TCPSACKDiscard TCPDSACKIgnoredOld
            TCPDSACKIgnoredNoUndo TCPSpuriousRTOs TCPMD5NotFound TCPMD5Unexpected TCPMD5Failure
            TCPSackShifted TCPSackMerged TCPSackShiftFallback TCPBacklogDrop PFMemallocDrop
            TCPMinTTLDrop TCPDeferAcceptDrop IPReversePathFilter TCPTimeWaitOverflow
            TCPReqQFullDoCookies TCPReqQFullDrop TCPRetransFail TCPRcvCoalesce TCPOFOQueue
            TCPOFODrop TCPOFOMerge TCPChallengeACK TCPSYNChallenge TCPFastOpenActive
            TCPFastOpenActiveFail TCPFastOpenPassive TCPFastOpenPassiveFail
            TCPFastOpenListenOverflow TCPFastOpenCookieReqd TCPFastOpenBlackhole
            TCPSpuriousRtxHostQueues BusyPollRxPackets TCPAutoCorking TCPFromZeroWindowAdv
            TCPToZeroWindowAdv TCPWantZeroWindowAdv TCPSynRetrans TCPOrigDataSent
            TCPHystartTrainDetect TCPHystartTrainCwnd TCPHystartDelayDetect TCPHystartDelayCwnd
            TCPACKSkippedSynRecv TCPACKSkippedPAWS TCPACKSkippedSeq TCPACKSkippedFinWait2
            TCPACKSkippedTimeWait TCPACKSkippedChallenge TCPWinProbe TCPKeepAlive TCPMTUPFail
            TCPMTUPSuccess TCPDelivered TCPDeliveredCE TCPAckCompressed TCPZeroWindowDrop
            TCPRcvQDrop TCPWqueueTooBig TCPFastOpenPassiveAltKey TcpTimeoutRehash
            TcpDuplicateDataRehash TCPDSACKRecvSegs TCPDSACKIgnoredDubious TCPMigrateReqSuccess
            TCPMigrateReqFailure TCPPLBRehash TCPAORequired TCPAOBad TCPAOKeyNotFound TCPAOGood
            TCPAODroppedIcmps
""")),
        ("IpExt", _keys("""
            InNoRoutes InTruncatedPkts InMcastPkts OutMcastPkts InBcastPkts OutBcastPkts
            InOctets OutOctets InMcastOctets OutMcastOctets InBcastOctets OutBcastOctets
            InCsumErrors InNoECTPkts InECT1Pkts InECT0Pkts InCEPkts ReasmOverlaps
""")),
        ("MPTcpExt", _keys("""
            MPCapableSYNRX MPCapableSYNTX MPCapableSYNACKRX MPCapableACKRX MPCapableFallbackACK
            MPCapableFallbackSYNACK MPCapableSYNTXDrop MPCapableSYNTXDisabled
            MPCapableEndpAttempt MPFallbackTokenInit MPTCPRetrans MPJoinNoTokenFound MPJoinSynRx
            MPJoinSynBackupRx MPJoinSynAckRx MPJoinSynAckBackupRx MPJoinSynAckHMacFailure
            MPJoinAckRx MPJoinAckHMacFailure MPJoinRejected MPJoinSynTx MPJoinSynTxCreatSkErr
            MPJoinSynTxBindErr MPJoinSynTxConnectErr DSSNotMatching DSSCorruptionFallback
            DSSCorruptionReset InfiniteMapTx InfiniteMapRx DSSNoMatchTCP DataCsumErr
            OFOQueueTail OFOQueue OFOMerge NoDSSInWindow DuplicateData AddAddr AddAddrTx
            AddAddrTxDrop EchoAdd EchoAddTx EchoAddTxDrop PortAdd AddAddrDrop MPJoinPortSynRx
            MPJoinPortSynAckRx MPJoinPortAckRx MismatchPortSynRx MismatchPortAckRx RmAddr
            RmAddrDrop RmAddrTx RmAddrTxDrop RmSubflow MPPrioTx MPPrioRx MPFailTx MPFailRx
            MPFastcloseTx MPFastcloseRx MPRstTx MPRstRx SubflowStale SubflowRecover SndWndShared
            RcvWndShared RcvWndConflictUpdate RcvWndConflict MPCurrEstab Blackhole
            MPCapableDataFallback MD5SigFallback DssFallback SimultConnectFallback
            FallbackFailed WinProbe
""")),
    ],
    "snmp6": _keys("""
        Ip6InReceives Ip6InHdrErrors Ip6InTooBigErrors Ip6InNoRoutes Ip6InAddrErrors
        Ip6InUnknownProtos Ip6InTruncatedPkts Ip6InDiscards Ip6InDelivers Ip6OutForwDatagrams
        Ip6OutRequests Ip6OutDiscards Ip6OutNoRoutes Ip6ReasmTimeout Ip6ReasmReqds Ip6ReasmOKs
        Ip6ReasmFails Ip6FragOKs Ip6FragFails Ip6FragCreates Ip6InMcastPkts Ip6OutMcastPkts
        Ip6InOctets Ip6OutOctets Ip6InMcastOctets Ip6OutMcastOctets Ip6InBcastOctets
        Ip6OutBcastOctets Ip6InNoECTPkts Ip6InECT1Pkts Ip6InECT0Pkts Ip6InCEPkts Ip6OutTransmits
        Icmp6InMsgs Icmp6InErrors Icmp6OutMsgs Icmp6OutErrors Icmp6InCsumErrors
        Icmp6OutRateLimitHost Icmp6InDestUnreachs Icmp6InPktTooBigs Icmp6InTimeExcds
        Icmp6InParmProblems Icmp6InEchos Icmp6InEchoReplies Icmp6InGroupMembQueries
        Icmp6InGroupMembResponses Icmp6InGroupMembReductions Icmp6InRouterSolicits
        Icmp6InRouterAdvertisements Icmp6InNeighborSolicits Icmp6InNeighborAdvertisements
        Icmp6InRedirects Icmp6InMLDv2Reports Icmp6OutDestUnreachs Icmp6OutPktTooBigs
        Icmp6OutTimeExcds Icmp6OutParmProblems Icmp6OutEchos Icmp6OutEchoReplies
        Icmp6OutGroupMembQueries Icmp6OutGroupMembResponses Icmp6OutGroupMembReductions
        Icmp6OutRouterSolicits Icmp6OutRouterAdvertisements Icmp6OutNeighborSolicits
        Icmp6OutNeighborAdvertisements Icmp6OutRedirects Icmp6OutMLDv2Reports Icmp6InType1
        Icmp6OutType1 Icmp6OutType135 Icmp6OutType143 Udp6InDatagrams Udp6NoPorts Udp6InErrors
        Udp6OutDatagrams Udp6RcvbufErrors Udp6SndbufErrors Udp6InCsumErrors Udp6IgnoredMulti
        Udp6MemErrors UdpLite6InDatagrams UdpLite6NoPorts UdpLite6InErrors UdpLite6OutDatagrams
        UdpLite6RcvbufErrors UdpLite6SndbufErrors UdpLite6InCsumErrors UdpLite6MemErrors
"""),
}

LINUX_3_10 = {
    "snmp": [
        ("Ip", _keys("""
            Forwarding DefaultTTL InReceives InHdrErrors InAddrErrors ForwDatagrams
            InUnknownProtos InDiscards InDelivers OutRequests OutDiscards OutNoRoutes
            ReasmTimeout ReasmReqds ReasmOKs ReasmFails FragOKs FragFails FragCreates
""")),
        ("Icmp", _keys("""
            InMsgs InErrors InCsumErrors InDestUnreachs InTimeExcds InParmProbs InSrcQuenchs
            InRedirects InEchos InEchoReps InTimestamps InTimestampReps InAddrMasks
            InAddrMaskReps OutMsgs OutErrors OutDestUnreachs OutTimeExcds OutParmProbs
            OutSrcQuenchs OutRedirects OutEchos OutEchoReps OutTimestamps OutTimestampReps
            OutAddrMasks OutAddrMaskReps
""")),
        ("IcmpMsg", _keys("""
            InType0 InType3 InType8 InType11 OutType0 OutType3
""")),
        ("Tcp", _keys("""
            RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets
            CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors
""")),
        ("Udp", _keys("""
            InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors
""")),
        ("UdpLite", _keys("""
            InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors
""")),
    ],
    "netstat": [
        ("TcpExt", _keys("""
            SyncookiesSent SyncookiesRecv SyncookiesFailed EmbryonicRsts PruneCalled RcvPruned
            OfoPruned OutOfWindowIcmps LockDroppedIcmps ArpFilter TW TWRecycled TWKilled
            PAWSPassive PAWSActive PAWSEstab DelayedACKs DelayedACKLocked DelayedACKLost
            ListenOverflows ListenDrops TCPPrequeued TCPDirectCopyFromBacklog
            TCPDirectCopyFromPrequeue TCPPrequeueDropped TCPHPHits TCPHPHitsToUser TCPPureAcks
            TCPHPAcks TCPRenoRecovery TCPSackRecovery TCPSACKReneging TCPFACKReorder
            TCPSACKReorder TCPRenoReorder TCPTSReorder TCPFullUndo TCPPartialUndo TCPDSACKUndo
            TCPLossUndo TCPLostRetransmit TCPRenoFailures TCPSackFailures TCPLossFailures
            TCPFastRetrans TCPForwardRetrans TCPSlowStartRetrans TCPTimeouts TCPLossProbes
            TCPLossProbeRecovery TCPRenoRecoveryFail TCPSackRecoveryFail TCPSchedulerFailed
            TCPRcvCollapsed TCPDSACKOldSent TCPDSACKOfoSent TCPDSACKRecv TCPDSACKOfoRecv
            TCPAbortOnData TCPAbortOnClose TCPAbortOnMemory TCPAbortOnTimeout TCPAbortOnLinger
            TCPAbortFailed TCPMemoryPressures TCPSACKDiscard TCPDSACKIgnoredOld
            TCPDSACKIgnoredNoUndo TCPSpuriousRTOs TCPMD5NotFound TCPMD5Unexpected TCPSackShifted
            TCPSackMerged TCPSackShiftFallback TCPBacklogDrop TCPMinTTLDrop TCPDeferAcceptDrop
            IPReversePathFilter TCPTimeWaitOverflow TCPReqQFullDoCookies TCPReqQFullDrop
            TCPRetransFail TCPRcvCoalesce TCPOFOQueue TCPOFODrop TCPOFOMerge TCPChallengeACK
            TCPSYNChallenge TCPFastOpenActive TCPFastOpenActiveFail TCPFastOpenPassive
            TCPFastOpenPassiveFail TCPFastOpenListenOverflow TCPFastOpenCookieReqd
            TCPSpuriousRtxHostQueues BusyPollRxPackets TCPAutoCorking TCPFromZeroWindowAdv
            TCPToZeroWindowAdv TCPWantZeroWindowAdv TCPSynRetrans TCPOrigDataSent
            TCPHystartTrainDetect TCPHystartTrainCwnd TCPHystartDelayDetect TCPHystartDelayCwnd
            TCPACKSkippedSynRecv TCPACKSkippedPAWS TCPACKSkippedSeq TCPACKSkippedFinWait2
            TCPACKSkippedTimeWait TCPACKSkippedChallenge TCPWinProbe TCPKeepAlive TCPMTUPFail
            TCPMTUPSuccess
""")),
        ("IpExt", _keys("""
            InNoRoutes InTruncatedPkts InMcastPkts OutMcastPkts InBcastPkts OutBcastPkts
            InOctets OutOctets InMcastOctets OutMcastOctets InBcastOctets OutBcastOctets
            InCsumErrors InNoECTPkts InECT1Pkts InECT0Pkts InCEPkts
""")),
    ],
    "snmp6": _keys("""
        Ip6InReceives Ip6InHdrErrors Ip6InTooBigErrors Ip6InNoRoutes Ip6InAddrErrors
        Ip6InUnknownProtos Ip6InTruncatedPkts Ip6InDiscards Ip6InDelivers Ip6OutForwDatagrams
        Ip6OutRequests Ip6OutDiscards Ip6OutNoRoutes Ip6ReasmTimeout Ip6ReasmReqds Ip6ReasmOKs
        Ip6ReasmFails Ip6FragOKs Ip6FragFails Ip6FragCreates Ip6InMcastPkts Ip6OutMcastPkts
        Ip6InOctets Ip6OutOctets Ip6InMcastOctets Ip6OutMcastOctets Ip6InBcastOctets
        Ip6OutBcastOctets Ip6InNoECTPkts Ip6InECT1Pkts Ip6InECT0Pkts Ip6InCEPkts Icmp6InMsgs
        Icmp6InErrors Icmp6OutMsgs Icmp6OutErrors Icmp6InCsumErrors Icmp6InDestUnreachs
        Icmp6InPktTooBigs Icmp6InTimeExcds Icmp6InParmProblems Icmp6InEchos Icmp6InEchoReplies
        Icmp6InGroupMembQueries Icmp6InGroupMembResponses Icmp6InGroupMembReductions
        Icmp6InRouterSolicits Icmp6InRouterAdvertisements Icmp6InNeighborSolicits
        Icmp6InNeighborAdvertisements Icmp6InRedirects Icmp6InMLDv2Reports Icmp6OutDestUnreachs
        Icmp6OutPktTooBigs Icmp6OutTimeExcds Icmp6OutParmProblems Icmp6OutEchos
        Icmp6OutEchoReplies Icmp6OutGroupMembQueries Icmp6OutGroupMembResponses
        Icmp6OutGroupMembReductions Icmp6OutRouterSolicits Icmp6OutRouterAdvertisements
        Icmp6OutNeighborSolicits Icmp6OutNeighborAdvertisements Icmp6OutRedirects
        Icmp6OutMLDv2Reports Icmp6InType135 Icmp6InType136 Icmp6OutType133 Icmp6OutType135
        Icmp6OutType136 Icmp6OutType143 Udp6InDatagrams Udp6NoPorts Udp6InErrors
        Udp6OutDatagrams Udp6RcvbufErrors Udp6SndbufErrors Udp6InCsumErrors UdpLite6InDatagrams
        UdpLite6NoPorts UdpLite6InErrors UdpLite6OutDatagrams UdpLite6RcvbufErrors
        UdpLite6SndbufErrors UdpLite6InCsumErrors
"""),
}

SCTP = _keys("""
    SctpCurrEstab SctpActiveEstabs SctpPassiveEstabs SctpAborteds SctpShutdowns SctpOutOfBlues
    SctpChecksumErrors SctpOutCtrlChunks SctpOutOrderChunks SctpOutUnorderChunks
    SctpInCtrlChunks SctpInOrderChunks SctpInUnorderChunks SctpFragUsrMsgs SctpReasmUsrMsgs
    SctpOutSCTPPacks SctpInSCTPPacks SctpT1InitExpireds SctpT1CookieExpireds
    SctpT2ShutdownExpireds SctpT3RtxExpireds SctpT4RtoExpireds SctpT5ShutdownGuardExpireds
    SctpDelaySackExpireds SctpAutocloseExpireds SctpT3Retransmits SctpPmtudRetransmits
    SctpFastRetransmits SctpInPktSoftirq SctpInPktBacklog SctpInPktDiscards
    SctpInDataChunkDiscards
""")
